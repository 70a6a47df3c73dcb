"""Order files to download: the template and a cart in the upload format,
and the links to the latter on the portal page of an order."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request

from odoo.addons.b2b_portal.controllers.orders import B2bSalePortal
from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity

from ..tools.file_names import file_name
from ..tools.order_template import rows_to_csv, rows_to_xlsx

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def exportable_order(entity, order_id):
    """The draft order or cart ``order_id`` of ``entity`` the current user
    may export, searched as the user (record rules), or an empty record:
    another entity's order, a colleague's cart, a confirmed order and an
    unknown id look alike."""
    user = request.env.user
    return request.env["sale.order"].search(
        [
            ("id", "=", order_id),
            ("b2b_entity_id", "=", entity.id),
            ("state", "in", ("draft", "sent")),
            "|",
            ("b2b_is_cart", "=", False),
            ("b2b_buyer_id", "=", user.id),
        ],
        limit=1,
    )


class B2bQuickOrderFiles(B2bSalePortal):
    def _b2b_qo_file_response(self, data, filename, fmt):
        return request.make_response(
            data,
            headers=[
                ("Content-Type", CONTENT_TYPES[fmt]),
                ("Content-Length", str(len(data))),
                ("Content-Disposition", content_disposition(filename)),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )

    @http.route(
        "/my/b2b/quick-order/template.<any(xlsx,csv):fmt>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
        readonly=True,
    )
    def b2b_quick_order_template(self, fmt, **kw):
        """The order template of the active entity: a few example lines of
        its catalog and (XLSX) the list of its own product codes."""
        entity = b2b_active_entity("read")
        rows, codes = request.env["b2b.quick.order"]._b2b_template_rows(entity)
        if fmt == "xlsx":
            data = rows_to_xlsx(rows, codes)
        else:
            data = rows_to_csv(rows)
        filename = request.env._("order-template.%(fmt)s", fmt=fmt)
        return self._b2b_qo_file_response(data, filename, fmt)

    @http.route(
        "/my/b2b/quick-order/cart/<int:order_id>.<any(xlsx,csv):fmt>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
        readonly=True,
    )
    def b2b_quick_order_cart_file(self, order_id, fmt, **kw):
        """A draft order or cart of the active entity, in the template's
        format, to edit offline and upload again."""
        entity = b2b_active_entity("order")
        order = exportable_order(entity, order_id)
        if not order:
            raise NotFound()
        # buyers may not read products: sudo after the checks, to read lines
        rows = request.env["b2b.quick.order"]._b2b_order_rows(order.sudo())
        data = rows_to_xlsx(rows) if fmt == "xlsx" else rows_to_csv(rows)
        filename = file_name(order.sudo()._b2b_file_label(), fmt)
        return self._b2b_qo_file_response(data, filename, fmt)

    # -- the order page -------------------------------------------------------
    def _b2b_order_page_values(self, order_sudo, error=None):
        """Offer the export of a draft order or cart to whoever may export it
        (same check as the route)."""
        values = super()._b2b_order_page_values(order_sudo, error)
        if not values:
            return values
        user = request.env.user
        try:
            entity = user._b2b_active_entity()
        except AccessError:
            return values
        if user._b2b_can(entity, "order") and exportable_order(entity, order_sudo.id):
            values["b2b_export_url"] = f"/my/b2b/quick-order/cart/{order_sudo.id}"
        return values
