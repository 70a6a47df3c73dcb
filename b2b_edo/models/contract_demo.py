from odoo import api, fields, models

from ..tools import contract_code

PORTAL = "b2b_portal"

# the demo contract text: a short Russian supply contract
DEMO_BODY = """<h2 style="text-align:center">Договор поставки № <t t-out="contract.number"/></h2>
<p style="text-align:right">от <t t-out="contract.date"/></p>
<p><t t-out="supplier.name"/>, именуемое в дальнейшем «Поставщик», в лице
<t t-out="supplier.signatory_position"/> <t t-out="supplier.signatory_name"/>,
действующего на основании Устава, с одной стороны, и <t t-out="entity.name"/>,
именуемое в дальнейшем «Покупатель», с другой стороны, заключили настоящий
договор о нижеследующем.</p>
<h4>1. Предмет договора</h4>
<p>1.1. Поставщик обязуется поставлять, а Покупатель принимать и оплачивать
товар по заказам, оформленным в личном кабинете Покупателя на портале
Поставщика.</p>
<h4>2. Цена и порядок расчётов</h4>
<p>2.1. Цены указываются в заказе. Условия оплаты: <t t-out="contract.payment_term or 'предоплата'"/>.</p>
<p t-if="contract.credit_limit">2.2. Лимит задолженности Покупателя: <t t-out="contract.credit_limit"/>.</p>
<h4>3. Поставка</h4>
<p>3.1. <t t-out="contract.delivery_terms or 'Самовывоз со склада Поставщика.'"/></p>
<h4>4. Электронный документооборот</h4>
<p>4.1. Стороны признают документы, подписанные простой электронной подписью в
личном кабинете, равнозначными документам на бумаге, подписанным собственноручно.</p>
<h4>5. Срок действия</h4>
<p>5.1. Договор действует <t t-out="contract.validity"/>.</p>
<h4>6. Реквизиты сторон</h4>
<table style="width:100%"><tr>
<td style="width:50%;vertical-align:top"><b>Поставщик</b><br/>
<t t-out="supplier.name"/><br/>ИНН <t t-out="supplier.inn"/>, КПП <t t-out="supplier.kpp"/><br/>
ОГРН <t t-out="supplier.ogrn"/><br/><t t-out="supplier.address"/><br/>
р/с <t t-out="supplier.bank_account"/> в <t t-out="supplier.bank_name"/><br/>
БИК <t t-out="supplier.bic"/>, к/с <t t-out="supplier.corr_account"/><br/><br/>
<t t-out="supplier.signatory_position"/> ____________ <t t-out="supplier.signatory_name"/></td>
<td style="width:50%;vertical-align:top"><b>Покупатель</b><br/>
<t t-out="entity.name"/><br/>ИНН <t t-out="entity.inn"/>, КПП <t t-out="entity.kpp"/><br/>
ОГРН <t t-out="entity.ogrn"/><br/><t t-out="entity.address"/><br/>
р/с <t t-out="entity.bank_account"/> в <t t-out="entity.bank_name"/><br/>
БИК <t t-out="entity.bic"/>, к/с <t t-out="entity.corr_account"/><br/><br/>
<t t-out="entity.signatory_position"/> ____________ <t t-out="entity.signatory_name"/></td>
</tr></table>"""


class B2bDemo(models.AbstractModel):
    _inherit = "b2b.demo"

    @api.model
    def _b2b_edo_contract_demo(self):
        """The demo supply contracts: a template; the first entity's contract
        accepted by b2b_buyer (its owner) with the full evidence; the
        second's offered, b2b_buyer (a buyer there) entitled to sign it.
        Idempotent."""
        if self.env.ref("b2b_edo.contract_template_demo", raise_if_not_found=False):
            return
        company = self.env.ref(f"{PORTAL}.supplier_company_demo")
        self.env["b2b.contract.template"]._load_records(
            [
                {
                    "xml_id": "b2b_edo.contract_template_demo",
                    "noupdate": True,
                    "values": {
                        "name": "Договор поставки",
                        "company_id": company.id,
                        "body": DEMO_BODY,
                    },
                }
            ]
        )
        first = self.env.ref(f"{PORTAL}.entity_stroydvor_demo")
        contracts = self.env.ref(f"{PORTAL}.contract_1_demo") | self.env.ref(
            f"{PORTAL}.contract_2_demo"
        )
        for contract in contracts:
            contract.entity_id.write(
                {
                    "b2b_signatory_name": "Петрова Мария Ивановна"
                    if contract.entity_id == first
                    else "Смирнов Олег Петрович",
                    "b2b_signatory_position": "Генеральный директор",
                }
            )
        accepted, offered = (contract._b2b_edo_offer("contract") for contract in contracts)
        buyer = self.env.ref(f"{PORTAL}.user_buyer_demo")
        self.env.ref(f"{PORTAL}.membership_buyer_2_demo").b2b_can_sign = True
        self._b2b_edo_contract_demo_accept(accepted, buyer)
        return accepted, offered

    def _b2b_edo_contract_demo_accept(self, document, buyer):
        """``buyer`` accepts ``document`` as in the portal, from a demo
        address; the code is drawn here, never e-mailed."""
        client = ("192.0.2.10", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 demo")
        self.env["b2b.esign.consent"]._b2b_give(buyer, client)
        Code = self.env["b2b.esign.code"].sudo()
        code, salt, now = contract_code.draw_code(), contract_code.new_salt(), fields.Datetime.now()
        Code.create(
            {
                "user_id": buyer.id,
                "document_id": document.id,
                "code_hash": contract_code.hash_code(code, salt, Code._b2b_key()),
                "salt": salt,
                "read_at": now,
                "sent_at": now,
                "expires_at": contract_code.expiry(now),
            }
        )
        return self.env["b2b.document.acceptance"]._b2b_accept(
            document,
            buyer,
            code,
            {
                "name": "Петрова Мария Ивановна",
                "position": "Генеральный директор",
                "authority": "charter",
            },
            client,
        )
