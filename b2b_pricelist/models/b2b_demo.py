from datetime import timedelta

from odoo import Command, api, fields, models

# demo order rules by SKU prefix: (minimum, multiple), in units
ORDER_RULES = {
    "DSH": (24.0, 12.0),  # dishwashing liquid: by the box of 12, two boxes
    "PWD": (12.0, 6.0),  # washing powder: by the box of 6, two boxes
}
# the demo buyer's turnover: this much short of the «Серебро» level
SILVER_MISSING = 18450.0


class B2bDemo(models.AbstractModel):
    _inherit = "b2b.demo"

    @api.model
    def _load_pricelist_demo(self):
        """Order rules on household chemicals, the demo buyer's turnover just
        short of «Серебро» and the levels of every demo entity, after the
        price types of ``demo/b2b_pricelist_demo.xml``."""
        company = self.env.ref(
            "b2b_portal.supplier_company_demo", raise_if_not_found=False
        )
        silver = self.env.ref(
            "b2b_pricelist.level_silver_demo", raise_if_not_found=False
        )
        if not company or not silver:
            return
        Template = self.env["product.template"]
        for prefix, (min_qty, multiple) in ORDER_RULES.items():
            Template.search([("default_code", "=like", f"{prefix}-%")]).write(
                {"b2b_min_qty": min_qty, "b2b_multiple": multiple}
            )
        entities = self.env["res.partner"].browse(
            [
                self.env.ref(f"b2b_portal.entity_{key}_demo").id
                for key in ("stroydvor", "tekhnosnab", "uralkomplekt")
            ]
        )
        stroydvor = entities[0]
        contract = stroydvor._b2b_default_contract()
        # what other demos already invoiced in the period counts too (the
        # documents' and claims' demos): the invoice tops it up, so that the
        # entity stays on its group's price type, just short of the level
        counted = entities[:1].with_company(company)._b2b_turnovers(company=company)
        amount = silver.threshold - SILVER_MISSING - counted.get(stroydvor.id, 0.0)
        if amount > 0:
            invoice = (
                self.env["account.move"]
                .with_company(company)
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": stroydvor.id,
                        "company_id": company.id,
                        "currency_id": company.currency_id.id,
                        "invoice_date": fields.Date.context_today(self)
                        - timedelta(days=20),
                        "ref": contract.name,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "name": "Крепёж и инструмент по договору "
                                    f"{contract.name}",
                                    "quantity": 1,
                                    "price_unit": amount,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                )
            )
            invoice.action_post()  # moves the entity's level
        entities.with_company(company)._b2b_recompute_levels()
