from odoo.addons.b2b_portal.tests.common import inn

from .common import EdoCommon

BODY = (
    '<h2>Договор поставки № <t t-out="contract.number"/></h2>'
    '<p>Поставщик: <t t-out="supplier.name"/>, ИНН <t t-out="supplier.inn"/></p>'
    '<p>Покупатель: <t t-out="entity.name"/>, ИНН <t t-out="entity.inn"/>, '
    'КПП <t t-out="entity.kpp"/>, р/с <t t-out="entity.bank_account"/></p>'
    '<p t-if="contract.credit_limit">Лимит: <t t-out="contract.credit_limit"/></p>'
    '<p>Срок: <t t-out="contract.validity"/></p>'
)


class ContractCommon(EdoCommon):
    """EdoCommon plus what a supply contract needs: the supplier's INN and
    bank account, the entities' bank accounts, a contract template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "vat": inn("770900009"),
                "b2b_director_name": "Иванов",
                "email": "sales@supplier.example",
            }
        )
        bank = cls.env["res.bank"].create({"name": "ПАО Банк", "bic": "044525225"})
        cls.env["res.partner.bank"].create(
            [
                {"partner_id": partner.id, "bank_id": bank.id, "acc_number": number}
                for partner, number in (
                    (cls.company.partner_id, "40702810900000000001"),
                    (cls.entity_a, "40702810900000000002"),
                    (cls.entity_b, "40702810900000000003"),
                )
            ]
        )
        cls.template = cls.env["b2b.contract.template"].create(
            {"name": "Supply contract", "company_id": cls.company.id, "body": BODY}
        )
        cls.contract_a.credit_limit = 100000

    @classmethod
    def offer(cls, contract=None, document_type="contract"):
        return (contract or cls.contract_a)._b2b_edo_offer(document_type)
