from odoo import fields, models


class ResCompany(models.Model):
    """The supplier's requisites a Russian invoice carries: KPP (kept on
    its partner, as for buyers), head and chief accountant."""

    _inherit = "res.company"

    b2b_kpp = fields.Char(related="partner_id.b2b_kpp", readonly=False)
    b2b_director_title = fields.Char(
        string="Head's position", translate=True, default="Director"
    )
    b2b_director_name = fields.Char(string="Head")
    b2b_accountant_name = fields.Char(string="Chief accountant")

    def _b2b_requisites(self):
        """What a document prints about this supplier: the lines of its
        requisites, empty parts left out, and its first bank account."""
        self.ensure_one()
        partner = self.partner_id
        address = ", ".join(
            part
            for part in (
                partner.zip,
                partner.country_id.name,
                partner.state_id.name,
                partner.city,
                partner.street,
                partner.street2,
            )
            if part
        )
        ids = [
            (self.env._("INN"), self.vat),
            (self.env._("KPP"), self.b2b_kpp),
            (self.env._("OGRN"), self.company_registry),
        ]
        return {
            "name": partner.name,
            "ids": " · ".join(f"{label} {value}" for label, value in ids if value),
            "address": address,
            "bank": partner.bank_ids[:1],
        }
