from odoo import fields, models
from odoo.exceptions import AccessError, MissingError, UserError

from .sale_order import MAX_CART_NAME


class ResUsers(models.Model):
    _inherit = "res.users"

    b2b_cart_reminders = fields.Boolean(
        string="Cart reminders",
        default=True,
        help="Send this buyer an e-mail about their carts left untouched.",
    )

    def _b2b_open_carts_domain(self, entity):
        return [
            ("b2b_is_cart", "=", True),
            ("state", "=", "draft"),
            ("partner_id", "=", entity.id),
        ]

    def _b2b_current_cart(self, entity, create=False):
        """The cart this buyer chose for ``entity`` (the newest one if none
        is chosen); a new named cart, made current, when ``create``."""
        self.ensure_one()
        cart = (
            self.env["sale.order"]
            .sudo()
            .search(
                [*self._b2b_open_carts_domain(entity), ("b2b_buyer_id", "=", self.id)],
                order="b2b_is_current desc, id desc",
                limit=1,
            )
        )
        if cart or not create:
            return cart
        return self._b2b_new_cart(entity, self.env._("Cart"))

    def _b2b_carts(self, entity):
        """Open carts of ``entity`` this user owns or that are shared with
        them, the latest changed first."""
        self.ensure_one()
        return (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    *self._b2b_open_carts_domain(entity),
                    "|",
                    ("b2b_buyer_id", "=", self.id),
                    ("b2b_share_ids.user_id", "=", self.id),
                ],
                order="b2b_touched desc, id desc",
            )
        )

    def _b2b_cart_by_id(self, entity, cart_id, mode="read"):
        """The open cart ``cart_id`` (an id from a URL or a form: an int, or
        digits) of ``entity`` that this user owns or that is shared with
        them, as superuser after the check: the one lookup of a cart for the
        portal and an API.

        ``mode``: "read", "edit" (the user may change it) or "own" (they own
        it and may change it: delete, share, choose it as current).

        :raise MissingError: no such cart for this user (a 404)
        :raise AccessError: the user may not ``mode`` it (a 403)
        """
        self.ensure_one()
        cart = self._b2b_cart_search(cart_id, self._b2b_open_carts_domain(entity))
        access = cart and cart._b2b_cart_access(self)
        if not access:
            raise MissingError(self.env._("This cart does not exist or is closed."))
        if mode in ("edit", "own") and access != "edit":
            raise AccessError(self.env._("This cart is shared with you to read only."))
        if mode == "own" and cart.b2b_buyer_id != self:
            raise AccessError(self.env._("Only the owner of the cart may do this."))
        return cart

    def _b2b_new_cart(self, entity, name, request_ref=None):
        """Create a named cart of this buyer for ``entity`` and make it the
        current one (where the catalog, quick order and reorder add).

        The caller has checked that this user may act for ``entity``; the
        role is checked here again. Returns the cart (sudo).
        """
        self.ensure_one()
        self._b2b_check(entity, "order")
        name = (name or "").strip()
        if not name:
            raise UserError(self.env._("Give the cart a name."))
        if len(name) > MAX_CART_NAME:
            raise UserError(
                self.env._(
                    "The cart name is too long: at most %(max)s characters.",
                    max=MAX_CART_NAME,
                )
            )
        values = self._b2b_cart_values(entity)
        values.update(
            b2b_cart_name=name,
            client_order_ref=(request_ref or "").strip()[:64] or False,
        )
        cart = self.env["sale.order"].sudo().create(values)
        self._b2b_select_cart(cart)
        return cart

    def _b2b_select_cart(self, cart):
        """Make ``cart`` (one of this buyer's) their current one for its
        entity; the current cart of another entity stays as it is."""
        self.ensure_one()
        cart = cart.sudo()
        others = (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    *self._b2b_open_carts_domain(cart.partner_id),
                    ("b2b_buyer_id", "=", self.id),
                    ("b2b_is_current", "=", True),
                    ("id", "!=", cart.id),
                ]
            )
        )
        others.write({"b2b_is_current": False})
        cart.b2b_is_current = True
        return cart
