from odoo import Command

from odoo.addons.b2b_portal.tests.common import inn
from odoo.addons.b2b_portal.tools import ru_requisites

from .common import EdoCommon

BIC = "044525593"
CORR = "30101810200000000593"
ACCOUNT = ru_requisites.bank_account_with_key("40702810701300012345", BIC)


class PaymentInvoiceCommon(EdoCommon):
    """EdoCommon plus a supplier with Russian requisites and a bank account,
    orders in roubles, VAT 22 % included in prices (bolt, nut) and a product
    without VAT (washer), and a 30-day payment term on contract A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.rub = cls.env.ref("base.RUB")
        cls.rub.active = True
        (cls.pricelist_a | cls.pricelist_b).currency_id = cls.rub
        cls.company.partner_id.write(
            {"name": "ООО «Поставщик»", "vat": inn("770300003"), "b2b_kpp": "770301001"}
        )
        cls.company.write(
            {
                "b2b_director_name": "Кузнецов Андрей Викторович",
                "b2b_accountant_name": "Соколова Елена Павловна",
            }
        )
        cls.bank = cls.env["res.bank"].create(
            {
                "name": "АО «Альфа-Банк»",
                "bic": BIC,
                "b2b_corr_account": CORR,
                "city": "Москва",
            }
        )
        cls.bank_account = cls.env["res.partner.bank"].create(
            {
                "partner_id": cls.company.partner_id.id,
                "bank_id": cls.bank.id,
                "acc_number": ACCOUNT,
            }
        )
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.contract_a.payment_term_id = cls.term_30
        cls.vat_22 = cls.env["account.tax"].create(
            {
                "name": "НДС 22%",
                "amount": 22.0,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "price_include_override": "tax_included",
                "company_id": cls.company.id,
            }
        )
        cls.create_fasteners("PI")
        (cls.bolt | cls.nut).taxes_id = [Command.set(cls.vat_22.ids)]
        cls.washer.taxes_id = [Command.clear()]

    @classmethod
    def make_order(cls, lines=None, entity=None, contract=None, confirm=True):
        """An order of ``entity`` (A) of ``lines`` [(product, qty, price)]:
        by default 10 bolts at 122.00 and 5 nuts at 61.00, VAT included
        (1 525.00, of which VAT 275.00)."""
        entity = entity or cls.entity_a
        contract = contract or (
            cls.contract_a if entity == cls.entity_a else cls.contract_b
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": entity.id,
                "b2b_contract_id": contract.id,
                "pricelist_id": contract.pricelist_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                        }
                    )
                    for product, qty, price in (
                        lines or [(cls.bolt, 10, 122.0), (cls.nut, 5, 61.0)]
                    )
                ],
            }
        )
        if confirm:
            order.action_confirm()
        return order

    @staticmethod
    def payment_invoices(order):
        return order._b2b_edo_payment_invoices()
