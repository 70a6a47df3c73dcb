from odoo import Command, models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _create_user_from_template(self, values):
        """Users made by the portal sign-up (and invitations that name no
        company) belong to the supplier company of the B2B settings, not to
        the portal template user's, which is the first company of the
        database: the catalog, prices and contracts are that company's."""
        company = self.env["res.company"]._b2b_signup_company()
        if company and not values.get("company_id"):
            values = dict(
                values,
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )
        return super()._create_user_from_template(values)
