from odoo import fields, models

from ..tools.price_sort import price_sort_base

RULE_FIELDS = (
    "applied_on",
    "compute_price",
    "base",
    "percent_price",
    "price_discount",
)


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    def _b2b_price_sort_base(self, date=None):
        """The stored product field whose order is the order of this price
        list's prices for one unit on ``date`` (see ``tools/price_sort.py``),
        or None when only pricing the products tells. No price list: the
        sales price itself."""
        if not self:
            return "list_price"
        self.ensure_one()
        when = fields.Datetime.to_datetime(date) or fields.Datetime.now()
        Pricelist = self.sudo()

        def rules_of(pricelist_id):
            items = Pricelist.browse(pricelist_id).item_ids.filtered(
                lambda item: item.min_quantity <= 1
                and (not item.date_start or item.date_start <= when)
                and (not item.date_end or item.date_end >= when)
            )
            return [
                {
                    **{name: item[name] for name in RULE_FIELDS},
                    "base_pricelist_id": item.base_pricelist_id.id,
                }
                for item in items
            ]

        return price_sort_base(self.id, rules_of)
