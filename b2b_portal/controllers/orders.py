from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request

from odoo.addons.sale.controllers import portal as sale_portal
from odoo.addons.sale_management.controllers import portal as sale_management_portal

from ..models.sale_order_rules import B2bOrderRulesError


class B2bSalePortal(sale_management_portal.CustomerPortal):
    """/my/orders and /my/quotes of the ACTIVE entity, the order page's
    availability and reorder button."""

    # -- lists ----------------------------------------------------------------
    def _b2b_list_entity(self):
        """The active entity of a buyer; None for a user of no entity, who
        keeps Odoo's lists."""
        try:
            return request.env.user._b2b_active_entity()
        except AccessError:
            return None

    def _b2b_list_domain(self, domain, entity):
        """Odoo's domain for ``entity``, narrowed to the orders of that very
        entity (not of companies below it) and without the carts: a cart the
        buyer fills is not an order until it is confirmed."""
        return (
            domain
            + [("b2b_entity_id", "=", entity.id)]
            + request.env["sale.order"]._b2b_not_cart_domain()
        )

    def _prepare_quotations_domain(self, partner):
        entity = self._b2b_list_entity()
        if entity is None:
            return super()._prepare_quotations_domain(partner)
        return self._b2b_list_domain(super()._prepare_quotations_domain(entity), entity)

    def _prepare_orders_domain(self, partner):
        entity = self._b2b_list_entity()
        if entity is None:
            return super()._prepare_orders_domain(partner)
        return self._b2b_list_domain(super()._prepare_orders_domain(entity), entity)

    # -- the order page -------------------------------------------------------
    def _sale_order_get_page_view_values(
        self, order_sudo, access_token, values, history_session_key, **kwargs
    ):
        values = super()._sale_order_get_page_view_values(
            order_sudo, access_token, values, history_session_key, **kwargs
        )
        values.update(self._b2b_order_page_values(order_sudo, kwargs.get("b2b_error")))
        return values

    def _b2b_order_page_values(self, order_sudo, error=None):
        """Status, availability and reorder for a member of the order's entity;
        nothing for anyone else (a token link, another customer)."""
        user = request.env.user
        entity = order_sudo.b2b_entity_id
        if not entity or entity not in user._b2b_entities():
            return {}
        errors = []
        if error == "empty":
            errors.append(
                request.env._("None of the products of this order can be ordered now.")
            )
        elif error in ("blocked", "rules"):
            errors.extend(order_sudo._b2b_reorder_report(user).messages())
        return {
            "b2b_order_page": True,
            "b2b_line_availability": order_sudo._b2b_line_availability(),
            "b2b_can_reorder": not order_sudo._b2b_is_open_cart()
            and user._b2b_can(entity, "order"),
            "b2b_errors": errors,
        }

    # -- Odoo's routes that change an order -------------------------------------
    def _b2b_portal_action_refused(self, order_id):
        """The reason the user may not accept, sign, decline or pay this order
        through Odoo's portal routes; None when they may (Odoo checks the
        rest: read access or token, the order's state)."""
        order = request.env["sale.order"].sudo().browse(order_id).exists()
        if not order:
            return None
        try:
            order._b2b_check_portal_action(request.env.user)
        except AccessError as error:
            return str(error)
        return None

    @http.route()
    def portal_quote_decline(self, order_id, access_token=None, **kwargs):
        if self._b2b_portal_action_refused(order_id):
            raise Forbidden()
        return super().portal_quote_decline(
            order_id, access_token=access_token, **kwargs
        )

    @http.route()
    def portal_quote_accept(self, order_id, access_token=None, **kwargs):
        refused = self._b2b_portal_action_refused(order_id)
        if refused:
            return {"error": refused}
        return super().portal_quote_accept(
            order_id, access_token=access_token, **kwargs
        )

    @http.route()
    def portal_quote_option_update(self, order_id, line_id, **kwargs):
        """Optional products of a quotation (sale_management): like Odoo
        answers an order that cannot be edited, nothing."""
        if self._b2b_portal_action_refused(order_id):
            return None
        return super().portal_quote_option_update(order_id, line_id, **kwargs)

    # -- reorder --------------------------------------------------------------
    @http.route(
        "/my/b2b/orders/<int:order_id>/reorder",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_reorder(self, order_id, **post):
        """Copy the products of an order of one of the buyer's entities into
        their current cart of that entity."""
        user = request.env.user
        # searched as the user (record rules), then held to an active
        # membership: another entity's order, a cart or an unknown id look alike
        Order = request.env["sale.order"]
        order = Order.search(
            [
                ("id", "=", order_id),
                ("b2b_entity_id", "in", user._b2b_entities().ids),
                *Order._b2b_not_cart_domain(),
            ],
            limit=1,
        )
        if not order:
            raise NotFound()
        entity = order.sudo().b2b_entity_id
        if not user._b2b_can(entity, "order"):
            raise Forbidden()
        back = f"/my/orders/{order.id}"
        quantities = order.sudo()._b2b_reorder_quantities(user.company_id)
        if not quantities:
            return request.redirect(f"{back}?b2b_error=empty", 303)
        try:
            with request.env.cr.savepoint():
                # the catalog and its cart are those of the active entity
                user._b2b_switch_entity(entity)
                cart = user._b2b_current_cart(entity, create=True)
                cart._b2b_add_products(quantities)
        except B2bOrderRulesError:
            # the order page tells why (the same check, again)
            return request.redirect(f"{back}?b2b_error=rules", 303)
        return request.redirect(f"/my/b2b/catalog?added={len(quantities)}", 303)


class B2bSalePaymentPortal(sale_portal.PaymentPortal):
    """Paying an order of a B2B entity takes a role that may order."""

    @http.route()
    def portal_order_transaction(self, order_id, access_token, **kwargs):
        order = request.env["sale.order"].sudo().browse(order_id).exists()
        if not order:
            raise MissingError(request.env._("This document does not exist."))
        try:
            order._b2b_check_portal_action(request.env.user)
        except AccessError as error:
            raise ValidationError(str(error)) from error
        return super().portal_order_transaction(order_id, access_token, **kwargs)
