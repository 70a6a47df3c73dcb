from odoo import Command, api, models

from ..tools import ru_requisites

MODULE = "b2b_portal"
# VAT rates in force from 2026 (Federal Law No. 425-FZ of 28.11.2025): 22 %
# the general rate, 10 % the reduced one (food, children's goods, books,
# medicines); the demo gives the reduced rate to one family as an example.
VAT_GENERAL = 22.0
VAT_REDUCED = 10.0
REDUCED_SKU_PREFIX = "DSH-"
SUPPLIER_BANK = {
    "name": "АО «Альфа-Банк»",
    "bic": "044525593",
    "b2b_corr_account": "30101810200000000593",
    "city": "Москва",
}
SUPPLIER_ACCOUNT = "40702810701300012345"


# b2b_demo.py is past 600 lines: the demo steps of one concern each get a file
class B2bDemo(models.AbstractModel):
    """The demo supplier as a Russian VAT payer with full requisites."""

    _inherit = "b2b.demo"  # pylint: disable=consider-merging-classes-inherited

    def _demo_company(self):
        # the portal in both languages: buyers switch between them
        self.env["res.lang"]._activate_lang("en_US")
        self.env.ref("base.RUB").symbol = "₽"
        # Odoo prints "Tax ID" for a country without a label
        ru = self.env.ref("base.ru")
        if not ru.vat_label:
            ru.vat_label = "INN"
            ru.update_field_translations("vat_label", {"ru_RU": "ИНН"})
        company = super()._demo_company()
        self._demo_vat(company)
        self._demo_requisites(company)
        return company

    def _demo_products(self, company):
        products = super()._demo_products(company)
        vat = self._demo_vat_taxes()
        templates = self.env["product.template"].browse(
            p.product_tmpl_id.id for p in products.values()
        )
        reduced = templates.filtered(
            lambda t: (t.default_code or "").startswith(REDUCED_SKU_PREFIX)
        )
        (templates - reduced).write(
            {
                "taxes_id": [Command.set(vat["sale_22"].ids)],
                "supplier_taxes_id": [Command.set(vat["purchase_22"].ids)],
            }
        )
        reduced.write(
            {
                "taxes_id": [Command.set(vat["sale_10"].ids)],
                "supplier_taxes_id": [Command.set(vat["purchase_10"].ids)],
            }
        )
        return products

    def _demo_news(self, company, groups):
        result = super()._demo_news(company, groups)
        bodies = {
            "prices": "Цены на крепёж меняются на 3–5%. Заказы, оформленные до "
            "1-го числа, сохраняют сегодняшние цены.",
            "large": "Заказы от 300 000 ₽ доставляем бесплатно в пределах МКАД.",
            "dealers": "Новая линейка светодиодных ламп — сначала для дилеров.",
        }
        for key, body in bodies.items():
            news = self.env.ref(f"{MODULE}.news_{key}_demo")
            # a body is translated term by term: here its only paragraph
            term = news.body.removeprefix("<p>").removesuffix("</p>")
            news.update_field_translations("body", {"ru_RU": {term: body}})
        return result

    # -- VAT ---------------------------------------------------------------------
    @api.model
    def _demo_vat_taxes(self):
        return {
            key: self.env.ref(f"{MODULE}.tax_{key}_demo")
            for key in ("sale_22", "sale_10", "purchase_22", "purchase_10")
        }

    def _demo_vat(self, company):
        """НДС 22 % and 10 %, prices including VAT (as Russian wholesale
        price lists are), instead of the generic chart's 15 %; a Russian
        buyer is domestic (no "0% Exports"), a foreign one still gets the
        export rate."""
        ru = self.env.ref("base.ru")
        # the generic chart leaves the United States as the fiscal country
        company.account_fiscal_country_id = ru
        Tax = self.env["account.tax"].with_company(company)
        domain = [("company_id", "=", company.id)]
        generic = {
            use: Tax.search([*domain, ("type_tax_use", "=", use), ("amount", "=", 15)])
            for use in ("sale", "purchase")
        }
        exports = Tax.search([*domain, ("amount", "=", 0)])
        groups = self._demo_load(
            "account.tax.group",
            [
                (
                    f"tax_group_vat_{rate:g}",
                    {
                        "name": f"НДС {rate:g}%",
                        "company_id": company.id,
                        "country_id": ru.id,
                        "tax_payable_account_id": generic["sale"][
                            :1
                        ].tax_group_id.tax_payable_account_id.id,
                        "tax_receivable_account_id": generic["sale"][
                            :1
                        ].tax_group_id.tax_receivable_account_id.id,
                    },
                )
                for rate in (VAT_GENERAL, VAT_REDUCED)
            ],
        )
        rows = []
        for use in ("sale", "purchase"):
            for rate, group in zip((VAT_GENERAL, VAT_REDUCED), groups, strict=True):
                values = generic[use][:1].copy_data()[0]
                values.update(
                    name=f"НДС {rate:g}%",
                    description=f"НДС {rate:g}%",
                    invoice_label=f"НДС {rate:g}%",
                    amount=rate,
                    tax_group_id=group.id,
                    price_include_override="tax_included",
                    company_id=company.id,
                    country_id=ru.id,
                )
                rows.append((f"tax_{use}_{rate:g}", values))
        taxes = self._demo_load("account.tax", rows)
        company.write(
            {
                "account_sale_tax_id": taxes[0].id,
                "account_purchase_tax_id": taxes[2].id,
            }
        )
        # the generic chart's domestic position is for the United States
        domestic = self.env["account.fiscal.position"].search(
            [
                ("company_id", "=", company.id),
                ("auto_apply", "=", True),
                ("country_id", "!=", False),
            ]
        )
        domestic.country_id = company.country_id
        for export in exports:
            mine = taxes.filtered(lambda t, e=export: t.type_tax_use == e.type_tax_use)
            export.original_tax_ids = [Command.link(t.id) for t in mine]
        (generic["sale"] | generic["purchase"]).active = False

    # -- requisites ------------------------------------------------------------
    def _demo_requisites(self, company):
        """Bank account, head and chief accountant, as printed on invoices."""
        bank = self._demo_load(
            "res.bank",
            [
                (
                    "bank_alfa",
                    dict(SUPPLIER_BANK, country=self.env.ref("base.ru").id),
                )
            ],
        )
        self._demo_load(
            "res.partner.bank",
            [
                (
                    "supplier_bank_account",
                    {
                        "partner_id": company.partner_id.id,
                        "bank_id": bank.id,
                        "acc_number": ru_requisites.bank_account_with_key(
                            SUPPLIER_ACCOUNT, bank.bic
                        ),
                        "allow_out_payment": True,
                    },
                )
            ],
        )
        company.write(
            {
                "b2b_director_title": "Генеральный директор",
                "b2b_director_name": "Кузнецов Андрей Викторович",
                "b2b_accountant_name": "Соколова Елена Павловна",
            }
        )
