from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The portal's chatter is made of ``mail`` components: without
        mail's terms its texts ("The conversation is empty.") stay English
        on the buyer's pages."""
        return [*super()._get_translation_frontend_modules_name(), "mail"]
