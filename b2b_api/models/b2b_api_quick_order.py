from odoo import api, models

from ..tools.errors import ApiError


class B2bApiOrders(models.AbstractModel):
    """The quick order of b2b_quick_order (when installed) for the API:
    its parser, ``_b2b_preview`` and ``_b2b_confirm``, as its portal page
    calls them."""

    _inherit = "b2b.api.orders"

    @api.model
    def _b2b_quick_parse(self, body):
        """The parse of a quick order body (``lines`` or ``text``); a whole
        input refused (no lines, too many) is a 422."""
        QuickOrder = self.env["b2b.quick.order"]
        if body.get("lines"):
            parsed = QuickOrder._b2b_parse(
                lines=[
                    (line["sku"], line["qty"], line.get("unit"), line.get("comment"))
                    for line in body["lines"]
                ]
            )
        elif body.get("text"):
            parsed = QuickOrder._b2b_parse(text=body["text"])
        else:
            raise ApiError(
                422,
                "invalid_request",
                self.env._("Send the order lines as lines or as text."),
            )
        whole = [
            e for e in parsed.errors if e.line_no == 0 or e.code == "too_many_lines"
        ]
        if whole:
            messages = QuickOrder._b2b_messages()
            raise ApiError(
                422,
                "invalid_request",
                "\n".join(messages.get(e.code, e.code) for e in whole),
            )
        return parsed

    @api.model
    def _b2b_quick_preview(self, entity, body):
        """``(preview of b2b.quick.order._b2b_preview, the API's answer)``:
        per line its status code and text, the product, price, subtotal,
        the order rules' message and suggested quantity, the stock."""
        QuickOrder = self.env["b2b.quick.order"]
        parsed = self._b2b_quick_parse(body)
        preview = QuickOrder._b2b_preview(entity, parsed.rows, parsed.errors)
        messages = QuickOrder._b2b_messages()
        Product = self.env["product.product"].sudo()
        ids = set()
        for line in preview["lines"]:
            ids.update(line["candidates"])
            ids.add(line["product_id"] or 0)
        products = Product.browse(sorted(ids - {0}))
        skus = {product.id: product.default_code or "" for product in products}
        currency = self.env["res.currency"].browse(preview["currency_id"])
        lines = []
        orderable = 0
        for line in preview["lines"]:
            status = line["status"]
            orderable += status in ("ok", "short")
            lines.append(
                {
                    "line_no": line["line_no"],
                    # a line the parser refused: the key as typed
                    "key": line["key"]
                    or parsed.raw.get(line["line_no"], (None,))[0]
                    or None,
                    "status": status,
                    "status_text": messages.get(status, status),
                    "message": line["message"] or "",
                    "product_id": line["product_id"] or None,
                    "sku": skus.get(line["product_id"]) or None,
                    "qty": line["qty"],
                    "unit": line["unit"],
                    "price_unit": line["price_unit"],
                    "subtotal": line["subtotal"],
                    "suggested_qty": line["suggested_qty"] or None,
                    "free_qty": line["free_qty"],
                    "incoming_date": line["incoming_date"]
                    and line["incoming_date"].isoformat()
                    or None,
                    "candidates": [
                        {"id": pid, "sku": skus.get(pid) or None}
                        for pid in line["candidates"]
                    ],
                }
            )
        answer = {
            "lines": lines,
            "total": preview["total"],
            "currency": currency.name or None,
            "orderable": orderable,
            "blockers": entity._b2b_order_blockers(),
        }
        return preview, answer

    @api.model
    def _b2b_quick_confirm(self, user, entity, body):
        """The orderable lines of the preview of ``body`` into a cart:
        ``cart_id`` (one the buyer may change), a new named cart
        ``cart_name`` (with named carts) or the current one. ``(cart,
        added, skipped)``."""
        QuickOrder = self.env["b2b.quick.order"]
        user._b2b_check(entity, "order")
        preview, _answer = self._b2b_quick_preview(entity, body)
        cart = None
        if body.get("cart_id"):
            cart = user._b2b_cart_by_id(entity, body["cart_id"], mode="edit")
        elif body.get("cart_name") and hasattr(user, "_b2b_new_cart"):
            cart = user._b2b_new_cart(entity, body["cart_name"])
        cart, added = QuickOrder._b2b_confirm(
            entity,
            user,
            preview["lines"],
            cart=cart,
            history={
                "source": "paste",
                "line_count": len(preview["lines"]),
            },
        )
        return cart, added, len(preview["lines"]) - added
