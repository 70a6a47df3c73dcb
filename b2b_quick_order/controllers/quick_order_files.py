"""Order files to download: the template and a cart in the upload format."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity

from ..tools.order_template import rows_to_csv, rows_to_xlsx

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


class B2bQuickOrderFiles(http.Controller):
    def _b2b_file_response(self, data, filename, fmt):
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
        return self._b2b_file_response(data, filename, fmt)

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
        format, to edit offline and upload again. Another entity's order, a
        colleague's cart, a confirmed order and an unknown id look alike."""
        entity = b2b_active_entity("order")
        user = request.env.user
        # searched as the user (record rules), then held to the active entity
        order = request.env["sale.order"].search(
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
        if not order:
            raise NotFound()
        # buyers may not read products: sudo after the checks, to read lines
        rows = request.env["b2b.quick.order"]._b2b_order_rows(order.sudo())
        data = rows_to_xlsx(rows) if fmt == "xlsx" else rows_to_csv(rows)
        return self._b2b_file_response(data, f"{order.name}.{fmt}", fmt)
