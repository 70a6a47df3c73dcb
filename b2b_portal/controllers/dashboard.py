from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from .catalog import B2bCatalog
from .portal import b2b_active_entity

LATEST_ORDERS = 5
LATEST_NEWS = 3
LATEST_MESSAGES = 10


class B2bDashboard(B2bCatalog):
    """/my/b2b: the buyer's workplace for the ACTIVE entity."""

    def _b2b_dashboard_values(self, entity):
        """Everything the dashboard shows of ``entity``, whose membership the
        caller checked. Orders and news are searched as the user (record
        rules on top of the entity filter); the entity's manager and its
        thread are read sudo, the one thing a buyer may see of them."""
        env = request.env
        user = env.user
        Order = env["sale.order"]
        orders = Order.search(
            [
                ("b2b_entity_id", "=", entity.id),
                ("state", "in", ("sent", "sale", "cancel")),
                *Order._b2b_not_cart_domain(),
            ],
            order="date_order desc, id desc",
            limit=LATEST_ORDERS,
        )
        entity_sudo = entity.sudo()
        return {
            "page_name": "b2b_dashboard",
            "entity": entity,
            "contract": entity._b2b_default_contract(),
            "manager": entity_sudo.user_id,
            "manager_messages": entity._b2b_manager_messages(limit=LATEST_MESSAGES),
            "cart": user._b2b_current_cart(entity),
            "can_order": user._b2b_can(entity, "order"),
            "can_message": user._b2b_can(entity, "message"),
            # as sale's own lists do: searched as the user, rendered sudo
            "orders": orders.sudo(),
            "news_list": env["b2b.news"]._b2b_news_page(entity, 0, LATEST_NEWS),
        }

    def _b2b_render_dashboard(self, entity, status=200, **extra):
        values = self._prepare_portal_layout_values()
        values.update(self._b2b_dashboard_values(entity))
        values.update(extra)
        return request.render("b2b_portal.portal_b2b_dashboard", values, status=status)

    @http.route("/my/b2b", type="http", auth="user", methods=["GET"], website=True)
    def b2b_dashboard(self, **kw):
        entity = b2b_active_entity("read")
        return self._b2b_render_dashboard(entity, message_sent=kw.get("sent") == "1")

    @http.route(
        "/my/b2b/manager/message",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_message_manager(self, body=None, **kw):
        """A buyer's message to the manager of their active entity, posted on
        the entity's chatter."""
        entity = b2b_active_entity("message")
        try:
            entity._b2b_post_to_manager(body)
        except UserError as error:
            return self._b2b_render_dashboard(
                entity,
                status=400,
                message_error=str(error),
                typed_body=(body or "")[:10000],
            )
        return request.redirect("/my/b2b?sent=1#b2b_messages", 303)
