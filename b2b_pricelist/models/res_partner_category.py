from odoo import fields, models


class ResPartnerCategory(models.Model):
    _inherit = "res.partner.category"

    b2b_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Price type",
        domain=[("b2b_is_price_type", "=", True)],
        index="btree_not_null",
        help="Price type of the legal entities of this group, unless their "
        "contract, their own price type or their turnover level sets one.",
    )
    b2b_priority = fields.Integer(
        string="Price priority",
        default=10,
        help="When an entity is in several groups with a price type, the one "
        "of the group with the highest priority applies.",
    )
