"""Rows of the order template and of a cart export (see tools/order_template).

Kept apart from the resolution service: these methods only read, and the
controllers call them after the membership and role checks.
"""

from odoo import api, models

from ..tools.order_template import TemplateRow
from ..tools.order_text import MAX_LINES

TEMPLATE_EXAMPLES = 5


class B2bQuickOrder(models.AbstractModel):
    _inherit = "b2b.quick.order"

    @api.model
    def _b2b_unit_code(self, product, unit):
        """The unit code written for ``product``: ``pcs`` for products sold
        by ``unit`` (Units), none otherwise (the quantity is then in the
        product's own unit, which is what an upload without a unit means)."""
        return "pcs" if product.uom_id == unit else ""

    @api.model
    def _b2b_entity_codes(self, entity, products=None):
        """``{product: first customer code}`` of ``entity`` for the products
        of its catalog (all of them, or among ``products``)."""
        Code = self.env["b2b.customer.code"].sudo()
        domain = [("entity_id", "=", entity.id)]
        if products is not None:
            domain.append(("product_id", "in", products.ids))
        codes = Code.search(domain, order="code, id", limit=MAX_LINES)
        company = self.env.company
        Product = self.env["product.product"].sudo().with_company(company)
        visible = set(
            Product.search(
                [("id", "in", codes.product_id.ids)]
                + Product._b2b_catalog_domain(entity, company)
            ).ids
        )
        result = {}
        for code in codes:
            if code.product_id.id in visible:
                result.setdefault(code.product_id, code.code)
        return result

    @api.model
    def _b2b_prefetch(self, products):
        """Read what the rows need of ``products`` at once. ``name`` and
        ``uom_id`` of a variant are related to its template: computed one
        record at a time, they would read each template alone."""
        products.fetch(["default_code", "barcode", "product_tmpl_id"])
        products.product_tmpl_id.fetch(["name", "uom_id"])

    @api.model
    def _b2b_key_of(self, product, code=""):
        """What a file names ``product`` by: its SKU, else its barcode, else
        the entity's own code for it."""
        return product.default_code or product.barcode or code or ""

    @api.model
    def _b2b_template_rows(self, entity):
        """(order rows, code rows) of the template for ``entity``: a few
        example lines from its catalog (its coded products first), marked as
        examples (never ordered when the file comes back unchanged), and the
        list of its customer codes."""
        codes = self._b2b_entity_codes(entity)
        company = self.env.company
        Product = self.env["product.product"].sudo().with_company(company)
        examples = Product.union(*list(codes)[:TEMPLATE_EXAMPLES])
        if len(examples) < TEMPLATE_EXAMPLES:
            examples |= Product.search(
                Product._b2b_catalog_domain(entity, company)
                + [("default_code", "!=", False), ("id", "not in", examples.ids)],
                order="default_code, id",
                limit=TEMPLATE_EXAMPLES - len(examples),
            )
        self._b2b_prefetch(examples | Product.union(*codes))
        unit = self.env.ref("uom.product_uom_unit")  # one query per ref
        # written after the mark "# пример": the parser skips such rows
        comment = self.env._("replace it with your line, this row is not ordered")
        rows = [
            TemplateRow(
                self._b2b_key_of(product, codes.get(product, "")),
                product.name,
                1,
                self._b2b_unit_code(product, unit),
                codes.get(product, ""),
                comment,
                example=True,
            )
            for product in examples
        ]
        code_rows = [
            (
                code,
                self._b2b_key_of(product),
                product.name,
                self._b2b_unit_code(product, unit),
            )
            for product, code in codes.items()
        ]
        return rows, code_rows

    @api.model
    def _b2b_order_rows(self, order):
        """Rows of the product lines of ``order``, quantities in the unit of
        each product, in the format of the template."""
        lines = order.order_line.filtered(
            lambda line: not line.display_type and line.product_id
        )
        self._b2b_prefetch(lines.product_id)
        unit = self.env.ref("uom.product_uom_unit")  # one query per ref
        codes = self._b2b_entity_codes(order.b2b_entity_id, lines.product_id)
        rows = []
        for line in lines:
            product = line.product_id
            qty = line.product_uom_qty
            if line.product_uom_id != product.uom_id:
                qty = line.product_uom_id._compute_quantity(
                    qty, product.uom_id, raise_if_failure=False
                )
            code = codes.get(product, "")
            rows.append(
                TemplateRow(
                    self._b2b_key_of(product, code),
                    product.name,
                    qty,
                    self._b2b_unit_code(product, unit),
                    code,
                    "",
                )
            )
        return rows
