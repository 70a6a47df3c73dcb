from odoo import fields, models

from .b2b_api_rate import DEFAULT_RATE, RATE_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_api_rate_limit = fields.Integer(
        string="API calls per minute and key",
        config_parameter=RATE_PARAM,
        default=DEFAULT_RATE,
        help="Calls beyond it in the same minute are refused with 429 and a "
        "Retry-After header.",
    )
