from odoo import api, fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    b2b_group_ids = fields.Many2many(
        "res.partner.category",
        "product_category_b2b_group_rel",
        string="Open to customer groups",
        help="Only legal entities of these customer groups see this section "
        "and its subsections in the portal. Empty: every customer.",
    )
    b2b_early_group_ids = fields.Many2many(
        "res.partner.category",
        "product_category_b2b_early_group_rel",
        string="Early access for",
        help="New arrivals: until the date below, only these customer groups "
        "see the section.",
    )
    b2b_early_until = fields.Date(string="Early access until")
    b2b_in_catalog = fields.Boolean(
        string="In the catalog",
        compute="_compute_b2b_in_catalog",
        search="_search_b2b_in_catalog",
        help="This section, or one below it, holds products for sale.",
    )

    def _compute_b2b_in_catalog(self):
        ids = self._b2b_catalog_ids()
        for category in self:
            category.b2b_in_catalog = category.id in ids

    def _search_b2b_in_catalog(self, operator, value):
        if operator != "in":
            return NotImplemented
        return [
            ("id", "in" if True in value else "not in", list(self._b2b_catalog_ids()))
        ]

    @api.model
    def _b2b_catalog_ids(self):
        """Ids of the sections holding active products for sale, with the
        sections above them: one query, whatever the catalog size."""
        rows = (
            self.env["product.template"]
            .sudo()
            ._read_group(
                [("sale_ok", "=", True), ("categ_id", "!=", False)], ["categ_id"]
            )
        )
        return {
            int(part)
            for (category,) in rows
            for part in category.parent_path.split("/")
            if part
        }

    @api.model
    def _b2b_hidden_ids(self, entity, date=None):
        """Ids of the categories (with their subcategories) ``entity`` may
        not see: two queries, whatever the catalog size."""
        date = date or fields.Date.context_today(self)
        groups = entity.sudo().category_id
        restricted = self.sudo().search(
            [
                "|",
                ("b2b_group_ids", "!=", False),
                ("b2b_early_until", ">=", date),
            ]
        )
        hidden = restricted.filtered(
            lambda c: (
                not (c.b2b_early_group_ids & groups)
                if c.b2b_early_until and c.b2b_early_until >= date
                else not (c.b2b_group_ids & groups)
            )
        )
        if not hidden:
            return []
        return self.sudo().search([("id", "child_of", hidden.ids)]).ids
