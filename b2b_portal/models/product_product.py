from odoo import api, models

INCOMING_STATES = ("waiting", "confirmed", "partially_available", "assigned")


class ProductProduct(models.Model):
    _inherit = "product.product"

    # The portal catalog searches SKUs by prefix and substring (ILIKE): a
    # trigram index beside Odoo's btree one (which keeps its name and kind).
    # (None, so no index, where the database has no pg_trgm, as Odoo does)
    _default_code_trgm_idx = models.Index(
        lambda registry: registry.has_trigram
        and "USING gin (default_code gin_trgm_ops)"
        or None
    )

    @api.model
    def _b2b_catalog_domain(self, entity, company):
        """Products ``entity`` may see and order (assortment seam)."""
        domain = [
            ("sale_ok", "=", True),
            ("company_id", "in", [False, company.id]),
        ]
        hidden = self.env["product.category"]._b2b_hidden_ids(entity)
        if hidden:
            domain.append(("categ_id", "not in", hidden))
        return domain

    @api.model
    def _b2b_search_domain(self, text):
        """Products whose SKU or name contains ``text``, or whose barcode is
        ``text``, as ``[("id", "in", ids)]``.

        Each branch is its own query, so that each uses its own index
        (trigram on SKU and name, btree on barcode): one OR across the product
        and template tables would scan and join both tables, and would be
        evaluated again by every query of a catalog page (count, page, facets).
        """
        Product = self.with_context(active_test=False)
        Template = self.env["product.template"].with_context(active_test=False)
        ids = set(Product.search([("default_code", "ilike", text)]).ids)
        ids.update(Product.search([("barcode", "=", text)]).ids)
        ids.update(
            Product.search(
                [("product_tmpl_id", "in", Template._search([("name", "ilike", text)]))]
            ).ids
        )
        return [("id", "in", sorted(ids))]

    def _b2b_whole_units(self):
        """The products of ``self`` counted in pieces (or boxes of pieces):
        no fractions. Decided once per unit of measure, whatever the number
        of products; the xmlid lookup is cached, so it costs no query."""
        unit_id = self.env["ir.model.data"]._xmlid_to_res_id("uom.product_uom_unit")

        def counted(uom):
            while uom:
                if uom.id == unit_id:
                    return True
                uom = uom.relative_uom_id
            return False

        return self.browse().union(
            *(group for uom, group in self.grouped("uom_id").items() if counted(uom))
        )

    def _b2b_availability(self, company):
        """Free stock and next incoming supply of these products in the
        warehouses of ``company``, in a constant number of queries.

        :return: {product id: {"free_qty", "incoming_date", "incoming_qty"}}
        """
        products = self.with_company(company).with_context(
            allowed_company_ids=company.ids
        )
        result = {
            product.id: {
                "free_qty": product.free_qty,
                "incoming_date": False,
                "incoming_qty": 0.0,
            }
            for product in products
        }
        groups = (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", self.ids),
                    ("company_id", "=", company.id),
                    ("state", "in", INCOMING_STATES),
                    ("location_dest_id.usage", "=", "internal"),
                    ("location_id.usage", "not in", ("internal", "transit")),
                ],
                ["product_id", "date:day"],
                ["product_qty:sum"],
            )
        )
        for product, day, qty in sorted(groups, key=lambda g: g[1]):
            info = result[product.id]
            if not info["incoming_date"]:
                info.update(incoming_date=day, incoming_qty=qty)
        return result
