from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    b2b_founding_required = fields.Boolean(
        string="Founding documents before ordering",
        default=True,
        help="A legal entity orders once the supplier accepted every required "
        "item of the company's founding documents checklist (a company "
        "without a checklist asks for nothing).",
    )

    @api.model
    def _b2b_founding_off_on_install(self):
        """Installing b2b_edo does not stop the customers of the existing
        companies from ordering overnight: they turn the requirement on in
        the settings once their checklist is ready. Companies made later
        have it on (the field's default)."""
        self.sudo().with_context(active_test=False).search(
            [("b2b_founding_required", "=", True)]
        ).write({"b2b_founding_required": False})
