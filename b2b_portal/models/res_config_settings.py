from odoo import fields, models

from .res_company import SIGNUP_COMPANY_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_signup_company_id = fields.Many2one(
        "res.company",
        string="Company of new sign-ups",
        config_parameter=SIGNUP_COMPANY_PARAM,
        help="Visitors who sign up in the portal become users of this "
        "company: its catalog, prices and contracts. Empty: the company of "
        "Odoo's portal template user.",
    )
    b2b_default_category_id = fields.Many2one(
        related="company_id.b2b_default_category_id", readonly=False
    )
    b2b_contract_on_approval = fields.Boolean(
        related="company_id.b2b_contract_on_approval", readonly=False
    )
    b2b_contract_sequence_id = fields.Many2one(
        related="company_id.b2b_contract_sequence_id", readonly=False
    )
    b2b_contract_payment_term_id = fields.Many2one(
        related="company_id.b2b_contract_payment_term_id", readonly=False
    )
    b2b_contract_delivery_terms = fields.Text(
        related="company_id.b2b_contract_delivery_terms", readonly=False
    )
    b2b_stock_policy = fields.Selection(
        related="company_id.b2b_stock_policy", readonly=False
    )
