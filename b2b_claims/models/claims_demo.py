from odoo import api, models


class B2bClaimsDemo(models.AbstractModel):
    _name = "b2b.claims.demo"
    _description = "B2B claims demo data generator"

    @api.model
    def _load_demo(self):
        return True
