from odoo import Command, fields, models
from odoo.exceptions import LockError, UserError
from odoo.fields import Domain

from odoo.addons.b2b_portal.tools.quantities import parse_quantity

from ..tools.cart_lines import (
    MAX_CART_NAME,
    check_version,
    money_formatter,
    split_lines,
)


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "b2b.cart.submission"]

    b2b_cart_name = fields.Char(string="Cart name", copy=False)
    b2b_note = fields.Text(
        string="Buyer's note", help="The buyer's note on the cart or the order."
    )
    b2b_is_current = fields.Boolean(
        string="Current cart",
        copy=False,
        help="The cart of its buyer and legal entity where the catalog, quick "
        "order and reorder add products.",
    )
    b2b_version = fields.Integer(
        string="Cart version",
        copy=False,
        default=0,
        help="Raised on every change of a cart: an edit made against an older "
        "version is refused.",
    )
    b2b_touched = fields.Datetime(
        string="Cart changed on", copy=False, default=fields.Datetime.now, index=True
    )
    b2b_reminder_date = fields.Datetime(string="Cart reminder sent on", copy=False)
    b2b_is_stale = fields.Boolean(
        string="Stale cart",
        compute="_compute_b2b_is_stale",
        search="_search_b2b_is_stale",
        help="An open cart with lines, untouched for the period set in "
        "b2b_multicart.reminder_days.",
    )
    b2b_merged_into_id = fields.Many2one(
        "sale.order",
        string="Merged into",
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    b2b_merged_from_ids = fields.One2many(
        "sale.order", "b2b_merged_into_id", string="Merged carts"
    )
    b2b_submit_token = fields.Char(
        string="Submission key",
        copy=False,
        help="The key of the portal form that submitted this order: a form "
        "sent twice yields this one order.",
    )
    b2b_awaiting_approval = fields.Boolean(
        string="Awaiting approval",
        copy=False,
        help="Submitted by the buyer, held for a manager (e.g. the credit "
        "limit of the contract is exceeded).",
    )
    # shares are B2B records: Odoo's sales groups read orders without them
    b2b_share_ids = fields.One2many(
        "b2b.cart.share",
        "cart_id",
        string="Shared with",
        groups="base.group_portal,b2b_portal.group_b2b_user",
    )

    _b2b_submit_token_uniq = models.UniqueIndex(
        "(b2b_submit_token) WHERE b2b_submit_token IS NOT NULL"
    )

    def _compute_b2b_is_stale(self):
        stale = self.search([("id", "in", self.ids), ("b2b_is_stale", "=", True)])
        for order in self:
            order.b2b_is_stale = order in stale

    def _search_b2b_is_stale(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain(self._b2b_stale_carts_domain())
        return domain if (True in value) == (operator == "in") else ~domain

    # -- access ------------------------------------------------------------------
    def _compute_access_url(self):
        """An open cart's portal page is its cart page (every "open the cart"
        link: quick order, reminders, messages)."""
        res = super()._compute_access_url()
        for order in self:
            if order.b2b_is_cart and order.state == "draft":
                order.access_url = f"/my/b2b/carts/{order.id}"
        return res

    def _b2b_cart_access(self, user):
        """What ``user`` may do with this open cart: "edit", "read" or ""."""
        self.ensure_one()
        cart = self.sudo()
        entity = cart.b2b_entity_id
        if not cart._b2b_is_open_cart() or entity not in user._b2b_entities():
            return ""
        if cart.b2b_buyer_id == user:
            mode = "edit"
        else:
            mode = cart.b2b_share_ids.filtered(lambda s: s.user_id == user)[:1].mode
        if mode == "edit" and not user._b2b_can(entity, "order"):
            mode = "read"
        return mode or ""

    def _b2b_cart_label(self):
        self.ensure_one()
        return self.b2b_cart_name or self.name

    def _b2b_file_label(self):
        self.ensure_one()
        return self._b2b_cart_label() if self.b2b_is_cart else super()._b2b_file_label()

    def _b2b_checkout_defaults(self):
        """What the checkout form of this cart shows first (strings, as a
        typed form): its contract, delivery address, date and note."""
        self.ensure_one()
        return {
            "contract_id": str(self.b2b_contract_id.id or ""),
            "shipping_id": str(self.partner_shipping_id.id or ""),
            "date": fields.Date.to_string(self.commitment_date) or "",
            "note": self.b2b_note or "",
        }

    def _b2b_on_order_confirmed(self):
        """A confirmed portal cart (checked out, merged then checked out, or
        held and approved) gets its invoice for payment; a quotation made in
        the back office, never a cart, gets none."""
        result = super()._b2b_on_order_confirmed()
        for order in self.filtered("b2b_is_cart"):
            order._b2b_invoice_for_payment()
        return result

    # -- changes -------------------------------------------------------------------
    def _b2b_lock(self, version=None):
        """Lock these carts for this transaction; with ``version``, refuse an
        edit made against an older state of the (single) cart."""
        try:
            self.lock_for_update()
        except LockError as error:
            raise UserError(
                self.env._(
                    "This cart is being changed by someone else right now; "
                    "reload the page."
                )
            ) from error
        # what other transactions committed before the lock
        self.invalidate_recordset(["b2b_version", "state", "b2b_merged_into_id"])
        if version is not None:
            for cart in self:
                if not check_version(version, cart.b2b_version):
                    raise UserError(
                        self.env._(
                            "The cart %(cart)s changed since you opened it; "
                            "reload the page.",
                            cart=cart._b2b_cart_label(),
                        )
                    )
        for cart in self:
            if not cart._b2b_is_open_cart() or cart.state != "draft":
                raise UserError(cart._b2b_closed_message())

    def _b2b_closed_message(self):
        self.ensure_one()
        merged = self.b2b_merged_into_id
        if merged and merged.b2b_is_cart and merged.state == "draft":
            return self.env._(
                "The cart %(cart)s was merged into the cart %(into)s.",
                cart=self._b2b_cart_label(),
                into=merged._b2b_cart_label(),
            )
        if merged:
            return self.env._(
                "The cart %(cart)s was merged into order %(order)s.",
                cart=self._b2b_cart_label(),
                order=merged.name,
            )
        return self.env._(
            "The cart %(cart)s was already submitted as order %(order)s.",
            cart=self._b2b_cart_label(),
            order=self.name,
        )

    def _b2b_touch(self):
        for cart in self:
            cart.write(
                {
                    "b2b_version": cart.b2b_version + 1,
                    "b2b_touched": fields.Datetime.now(),
                }
            )

    def _b2b_add_products(self, quantities):
        result = super()._b2b_add_products(quantities)
        if self.b2b_is_cart:
            self._b2b_touch()
        return result

    def _b2b_rename(self, name, request_ref=None, note=None, version=None):
        self.ensure_one()
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
        self._b2b_lock(version)
        self.write(
            {
                "b2b_cart_name": name,
                "client_order_ref": (request_ref or "").strip()[:64] or False,
                "b2b_note": (note or "").strip()[:2000] or False,
            }
        )
        self._b2b_touch()

    def _b2b_product_lines(self):
        return self.order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )

    def _b2b_parse_line_quantities(self, typed, removed_ids=()):
        """The cart update form read: ``typed`` {line id: text} and the ids
        of the lines ticked "remove", through the suite's one quantity
        parser (whole units where a line counts pieces in the product's own
        unit). Returns ``({line: qty}, removed lines, error messages)``.

        :raise UserError: a line is not in this cart (the page is stale)
        """
        self.ensure_one()
        lines = self._b2b_product_lines()
        by_id = {line.id: line for line in lines}
        if any(line_id not in by_id for line_id in (*typed, *removed_ids)):
            raise UserError(self.env._("A line is not in this cart; reload the page."))
        removed = self.env["sale.order.line"].union(
            *(by_id[line_id] for line_id in removed_ids)
        )
        messages = self.env["product.product"]._b2b_quantity_messages(cart=True)
        whole_products = lines.product_id._b2b_whole_units()
        quantities, errors = {}, []
        for line_id, text in typed.items():
            line = by_id[line_id]
            whole = (
                line.product_id in whole_products
                and line.product_uom_id == line.product_id.uom_id
            )
            qty, code = parse_quantity(text, whole=whole)
            if code or not qty:
                errors.append(
                    messages[code or "not_positive"]
                    % {
                        "product": line.product_id.display_name,
                        "text": (text or "")[:30],
                    }
                )
            else:
                quantities[line] = qty
        return quantities, removed, errors

    def _b2b_update_lines(self, quantities, removed, version):
        """Set ``{line: qty}`` (in each line's unit) and remove ``removed``
        lines of this cart, in one write."""
        self.ensure_one()
        self._b2b_lock(version)
        lines = self._b2b_product_lines()
        if any(line not in lines for line in (*quantities, *removed)):
            raise UserError(self.env._("A line is not in this cart; reload the page."))
        # the order rules of the lines the cart will hold
        self._b2b_assert_order_rules(
            self._b2b_check_own_rules(
                set_qty={**quantities, **dict.fromkeys(removed, 0.0)}
            )
        )
        commands = [Command.unlink(line.id) for line in removed]
        commands += [
            Command.update(line.id, {"product_uom_qty": qty})
            for line, qty in quantities.items()
            if line not in removed and qty != line.product_uom_qty
        ]
        if commands:
            self.write({"order_line": commands})
        self._b2b_touch()

    def _b2b_move_lines(self, lines, target, copy=False, version=None):
        """Move (or copy) ``lines`` of this cart into ``target``, a cart of
        the same entity; quantities of a product already there add up and
        prices follow the target's price list."""
        self.ensure_one()
        if target == self:
            raise UserError(self.env._("Choose another cart than this one."))
        if target.b2b_entity_id != self.b2b_entity_id:
            raise UserError(
                self.env._("Lines move only between carts of the same legal entity.")
            )
        if not lines:
            raise UserError(self.env._("Select the lines to move or copy."))
        if any(line not in self._b2b_product_lines() for line in lines):
            raise UserError(self.env._("A line is not in this cart; reload the page."))
        self._b2b_lock(version)
        target._b2b_lock()
        quantities = {}
        for line in lines:
            product = line.product_id
            qty = line.product_uom_id._compute_quantity(
                line.product_uom_qty, product.uom_id, round=False
            )
            quantities[product] = quantities.get(product, 0.0) + qty
        target._b2b_add_products(quantities)
        if not copy:
            self.write({"order_line": [Command.unlink(line.id) for line in lines]})
        self._b2b_touch()

    def _b2b_duplicate(self, user):
        """A new cart of ``user`` with this cart's lines."""
        self.ensure_one()
        values = user._b2b_cart_values(self.b2b_entity_id)
        values.update(
            b2b_cart_name=self.env._("%(name)s (copy)", name=self._b2b_cart_label()),
            b2b_contract_id=self.b2b_contract_id.id,
            pricelist_id=self.pricelist_id.id,
            client_order_ref=self.client_order_ref,
            b2b_note=self.b2b_note,
            order_line=[
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "product_uom_qty": line.product_uom_qty,
                        "product_uom_id": line.product_uom_id.id,
                    }
                )
                for line in self._b2b_product_lines()
            ],
        )
        return self.create(values)

    def _b2b_delete(self, confirm=False, version=None):
        self.ensure_one()
        if self._b2b_product_lines() and not confirm:
            raise UserError(
                self.env._(
                    "The cart %(cart)s is not empty: confirm that it should be "
                    "deleted with its lines.",
                    cart=self._b2b_cart_label(),
                )
            )
        self._b2b_lock(version)
        self._action_cancel()
        self.write({"b2b_is_current": False})

    def _b2b_share(self, user, mode):
        """Share this cart with ``user`` (a colleague of the same entity),
        ``mode`` "read" or "edit"; "none" stops sharing."""
        self.ensure_one()
        share = self.b2b_share_ids.filtered(lambda s: s.user_id == user)
        if mode == "none":
            share.unlink()
        elif share:
            share.mode = mode
        else:
            self.env["b2b.cart.share"].create(
                {"cart_id": self.id, "user_id": user.id, "mode": mode}
            )

    # -- the cart page -----------------------------------------------------------
    def _b2b_cart_page_lines(self):
        """Lines of the cart page with their pricing and availability, in a
        constant number of queries whatever the number of lines."""
        self.ensure_one()
        lines = self._b2b_product_lines()
        entity = self.b2b_entity_id
        pricing = entity._b2b_price_lines(
            [
                (line.product_id, line.product_uom_qty, line.product_uom_id)
                for line in lines
            ],
            self.b2b_contract_id,
        )
        availability = self._b2b_line_availability()
        money = self._b2b_money_formatter()
        return [
            {
                "line": line,
                "pricing": price,
                "availability": availability.get(line.id),
                "price_unit": money(line.price_unit),
                # the sum as the price reads: with the VAT a price includes
                "subtotal": money(
                    line.price_total
                    if line.tax_ids.filtered("price_include")
                    else line.price_subtotal
                ),
                "next_price": price.next_price and money(price.next_price),
            }
            for line, price in zip(lines, pricing, strict=True)
        ]

    def _b2b_money_formatter(self):
        """Amounts in this order's currency, formatted in the user's language
        once for all lines (the QWeb monetary widget costs a lot per call)."""
        currency = self.currency_id
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        return money_formatter(
            currency.decimal_places,
            lang.decimal_point or ".",
            lang.thousands_sep or "",
            currency.symbol or currency.name,
            currency.position == "before",
        )

    # -- split by availability -----------------------------------------------
    def _b2b_split_preview(self):
        """What free stock covers now and what waits for supply, with both
        totals (taxes included) and the expected date of the rest."""
        self.ensure_one()
        lines = self._b2b_product_lines()
        availability = self._b2b_line_availability()
        storable = lines.filtered(lambda line: line.id in availability)
        free = {}
        for line in storable:
            info = availability[line.id]
            if info["status"] in ("in_stock", "reserved"):
                free[line.id] = line.product_uom_qty
            else:
                free[line.id] = line.product_id.uom_id._compute_quantity(
                    info["available"], line.product_uom_id, round=False
                )
        split = split_lines(
            [
                (line.id, line.id, line.product_uom_qty)
                for line in lines
                if line.id in availability
            ],
            free,
        )
        parts = {part.key: part for part in split}
        now, later = [], []
        now_total = later_total = 0.0
        date = False
        for line in lines:
            part = parts.get(line.id)
            qty_now, qty_later = (
                (part.now, part.later) if part else (line.product_uom_qty, 0.0)
            )
            unit_total = (
                line.price_total / line.product_uom_qty if line.product_uom_qty else 0.0
            )
            if qty_now:
                now.append((line, qty_now))
                now_total += unit_total * qty_now
            if qty_later:
                later.append((line, qty_later))
                later_total += unit_total * qty_later
                expected = availability[line.id]["date"]
                if expected and (not date or expected > date):
                    date = expected
        currency = self.currency_id
        return {
            "now": now,
            "later": later,
            "now_total": currency.round(now_total),
            "later_total": currency.round(
                self.amount_total - currency.round(now_total)
            ),
            "total": self.amount_total,
            "date": date,
        }

    def _b2b_split(self, user, version=None, token=None):
        """Split this cart: what is available now stays, the rest goes to a
        new pre-order cart with the expected date. Returns the new cart.

        With ``token`` (the form's key), both are then ordered at once: two
        orders, the same form sent again gives the same two.
        """
        self.ensure_one()
        done = self._b2b_order_by_token(token and f"{token}:later")
        if done:
            return done
        preview = self._b2b_split_preview()
        if not preview["later"] or not preview["now"]:
            raise UserError(
                self.env._("Nothing to split: all lines are available now, or none is.")
            )
        self._b2b_lock(version)
        values = user._b2b_cart_values(self.b2b_entity_id)
        values.update(
            b2b_cart_name=self.env._(
                "%(name)s (pre-order)", name=self._b2b_cart_label()
            ),
            b2b_contract_id=self.b2b_contract_id.id,
            pricelist_id=self.pricelist_id.id,
            client_order_ref=self.client_order_ref,
            commitment_date=preview["date"] or False,
            b2b_buyer_id=self.b2b_buyer_id.id,
            order_line=[
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "product_uom_qty": qty,
                        "product_uom_id": line.product_uom_id.id,
                    }
                )
                for line, qty in preview["later"]
            ],
        )
        preorder = self.create(values)
        now = dict(preview["now"])
        commands = []
        for line, _qty in preview["later"]:
            if line in now:
                commands.append(Command.update(line.id, {"product_uom_qty": now[line]}))
            else:
                commands.append(Command.unlink(line.id))
        self.write({"order_line": commands})
        self._b2b_touch()
        if token:
            self._b2b_checkout(f"{token}:now", self.b2b_contract_id)
            preorder._b2b_checkout(f"{token}:later", preorder.b2b_contract_id)
        return preorder
