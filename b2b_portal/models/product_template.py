from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # The catalog sorted by price, where the price type keeps the order of
    # the sales price (product.product._b2b_page_by_price): without an
    # index PostgreSQL sorts every template for each page (88 ms at 200,000
    # products, spilled to disk), with it it reads the first ones in order.
    _b2b_list_price_idx = models.Index("(list_price, id)")

    b2b_rrp = fields.Monetary(
        string="Recommended retail price",
        currency_field="currency_id",
        help="Price the supplier recommends to resellers for their own customers.",
    )
