from odoo import Command, api, fields, models
from odoo.tools import file_open

from ..tools import contract_code

PORTAL = "b2b_portal"

# the demo contract text: a short Russian supply contract
DEMO_BODY = "b2b_edo/demo/contract_template_demo.html"


class B2bDemo(models.AbstractModel):
    _inherit = "b2b.demo"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _b2b_edo_contract_demo(self):
        """The demo supply contracts: a template; the first entity's contract
        accepted by b2b_buyer (its owner) with the full evidence; the third's
        offered (it cannot order until it accepts). Idempotent."""
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
                        "body": file_open(DEMO_BODY).read(),
                    },
                }
            ]
        )
        # СтройДвор (b2b_buyer is its owner) accepts; УралКомплект, where
        # no demo order is made, is offered its contract and waits for it
        contracts = self.env.ref(f"{PORTAL}.contract_1_demo") | self.env.ref(
            f"{PORTAL}.contract_3_demo"
        )
        signatories = ("Петрова Мария Ивановна", "Смирнов Олег Петрович")
        for contract, name in zip(contracts, signatories, strict=True):
            contract.entity_id.write(
                {
                    "b2b_signatory_name": name,
                    "b2b_signatory_position": "Генеральный директор",
                }
            )
        accepted, offered = (
            contract._b2b_edo_offer("contract") for contract in contracts
        )
        buyer = self.env.ref(f"{PORTAL}.user_buyer_demo")
        self._b2b_edo_contract_demo_accept(accepted, buyer)
        self._b2b_edo_contract_demo_signer(offered.entity_id, company)
        return accepted, offered

    def _b2b_edo_contract_demo_signer(self, entity, company):
        """b2b_signer / b2b_signer, the owner of the entity whose contract
        waits: logs in, sees the contract to accept, accepts it with the code
        e-mailed to them (the demo's outgoing mail), and can order then."""
        contact = self.env["res.partner"]._load_records(
            [
                {
                    "xml_id": "b2b_edo.signer_contact_demo",
                    "noupdate": True,
                    "values": {
                        "name": "Олег Смирнов",
                        "parent_id": entity.id,
                        "type": "contact",
                        "function": "Генеральный директор",
                        "email": "o.smirnov@uralkomplekt.example",
                        "lang": "ru_RU",
                    },
                }
            ]
        )
        signer = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            ._load_records(
                [
                    {
                        "xml_id": "b2b_edo.user_signer_demo",
                        "noupdate": True,
                        "values": {
                            "partner_id": contact.id,
                            "login": "b2b_signer",
                            "password": "b2b_signer",
                            "company_id": company.id,
                            "company_ids": [Command.set(company.ids)],
                            "group_ids": [
                                Command.set([self.env.ref("base.group_portal").id])
                            ],
                        },
                    }
                ]
            )
        )
        self.env["b2b.membership"]._load_records(
            [
                {
                    "xml_id": "b2b_edo.membership_signer_demo",
                    "noupdate": True,
                    "values": {
                        "user_id": signer.id,
                        "entity_id": entity.id,
                        "role": "owner",
                    },
                }
            ]
        )
        signer.b2b_active_entity_id = entity
        return signer

    def _b2b_edo_contract_demo_accept(self, document, buyer):
        """``buyer`` accepts ``document`` as in the portal, from a demo
        address; the code is drawn here, never e-mailed."""
        client = ("192.0.2.10", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 demo")
        self.env["b2b.esign.consent"]._b2b_give(buyer, client)
        Code = self.env["b2b.esign.code"].sudo()
        code, salt, now = (
            contract_code.draw_code(),
            contract_code.new_salt(),
            fields.Datetime.now(),
        )
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
