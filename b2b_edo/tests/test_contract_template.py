from odoo.exceptions import UserError

from .contract_common import BODY, ContractCommon


class TestContractTemplate(ContractCommon):
    def test_render_fills_requisites_and_terms(self):
        text = str(self.template._b2b_render(self.contract_a))
        self.assertIn("Договор поставки № A-1", text)
        self.assertIn(f"ИНН {self.entity_a.vat}", text)
        self.assertIn("КПП 770101001", text)
        self.assertIn("р/с 40702810900000000002", text)
        self.assertIn(f"ИНН {self.company.vat}", text)
        self.assertIn("Лимит:", text)

    def test_render_escapes_the_entity_s_data(self):
        self.entity_a.name = "ООО <script>x</script>"
        text = str(self.template._b2b_render(self.contract_a))
        self.assertNotIn("<script>", text)
        self.assertIn("&lt;script&gt;", text)

    def test_unknown_placeholder_refused_on_save(self):
        with self.assertRaisesRegex(UserError, "entity.passport"):
            self.template.body = '<t t-out="entity.passport"/>'
        with self.assertRaisesRegex(UserError, "t-call"):
            self.env["b2b.contract.template"].create(
                {"name": "Bad", "body": '<t t-call="web.layout"/>'}
            )

    def test_failing_template_offers_nothing(self):
        self.template.body = '<t t-out="contract.number + 1"/>'
        with self.assertRaisesRegex(UserError, "fails to render"):
            self.offer()
        self.assertFalse(self.contract_a.b2b_document_ids)

    def test_entity_without_bank_or_inn_offers_nothing(self):
        self.entity_a.bank_ids.unlink()
        with self.assertRaisesRegex(UserError, "bank account of ООО «Альфа»"):
            self.offer()
        self.entity_b.vat = False
        with self.assertRaisesRegex(UserError, "INN of ООО «Бета»"):
            self.offer(self.contract_b)
        self.assertFalse(
            self.env["b2b.document"].search([("document_type", "=", "contract")])
        )

    def test_no_template_no_contract(self):
        self.template.active = False
        with self.assertRaisesRegex(UserError, "no contract template"):
            self.offer()

    def test_offer_makes_a_sent_document_of_the_template_version(self):
        document = self.offer()
        self.assertEqual(document.state, "sent")
        self.assertEqual(document.document_type, "contract")
        self.assertEqual(document.contract_id, self.contract_a)
        self.assertEqual(document.entity_id, self.entity_a)
        self.assertEqual(document.contract_template_id, self.template)
        self.assertTrue(document.file_sha256)
        self.assertIn(b"A-1", document.attachment_id.raw)

    def test_changing_an_offered_template_makes_a_version(self):
        untouched = self.template
        untouched.body = BODY + "<p>v1b</p>"  # never offered: changed in place
        self.assertEqual(untouched.version, 1)
        document = self.offer()
        self.template.body = BODY + "<p>v2</p>"
        Template = self.env["b2b.contract.template"]
        new = Template._b2b_for_company(self.company)
        self.assertEqual(new.version, 2)
        self.assertEqual(new.previous_id, self.template)
        self.assertFalse(self.template.active)
        self.assertIn("v1b", self.template.body)
        self.assertEqual(document.contract_template_id, self.template)
        self.assertEqual(self.offer().contract_template_id, new)

    def test_new_edition_supersedes_and_both_stay_readable(self):
        first = self.offer()
        second = self.offer()
        self.assertEqual(first.state, "superseded")
        self.assertEqual(second.previous_id, first)
        self.assertEqual(second.version, 2)
        self.assertEqual(second.state, "sent")
        amendment = self.offer(document_type="amendment")
        self.assertEqual(amendment.state, "sent")
        self.assertEqual(second.state, "sent")
        self.assertTrue(first.attachment_id.raw)

    def test_manager_buttons(self):
        contract = self.contract_a.with_user(self.manager)
        contract.action_b2b_issue_contract()
        contract.action_b2b_issue_amendment()
        self.assertEqual(
            sorted(self.contract_a.b2b_document_ids.mapped("document_type")),
            ["amendment", "contract"],
        )


class TestContractEvents(ContractCommon):
    def approve(self, entity):
        entity.b2b_state = "pending"
        entity.with_user(self.manager).action_b2b_approve()

    def test_approval_offers_the_contract(self):
        self.approve(self.entity_a)
        document = self.contract_a.b2b_document_ids
        self.assertEqual(document.state, "sent")
        self.assertEqual(self.entity_a._b2b_edo_waiting_count(self.owner_a), 1)
        self.assertEqual(self.entity_a._b2b_edo_waiting_count(self.accountant_a), 0)

    def test_approval_of_an_entity_without_bank_goes_on_and_tells(self):
        self.entity_a.bank_ids.unlink()
        self.approve(self.entity_a)
        self.assertEqual(self.entity_a.b2b_state, "approved")
        self.assertFalse(self.contract_a.b2b_document_ids)
        self.assertIn("not offered", self.entity_a.message_ids[:1].body.striptags())

    def test_no_template_no_document_on_approval(self):
        self.template.active = False
        self.approve(self.entity_a)
        self.assertFalse(self.contract_a.b2b_document_ids)

    def test_ordering_blocked_until_accepted(self):
        self.assertEqual(self.entity_a._b2b_order_blockers(), [])
        document = self.offer()
        self.assertRegex(self.entity_a._b2b_order_blockers()[0], "supply contract")
        # beside the founding documents' lines
        self.assertIn(
            "The supply contract is not accepted yet.", self.entity_a._b2b_edo_missing()
        )
        self.company.b2b_edo_contract_required = False
        self.assertEqual(self.entity_a._b2b_order_blockers(), [])
        self.company.b2b_edo_contract_required = True
        document.with_user(self.owner_a).sudo()._b2b_accept()
        self.assertEqual(self.entity_a._b2b_order_blockers(), [])
        self.assertEqual(self.entity_b._b2b_order_blockers(), [])

    def test_only_owner_or_entitled_member_signs(self):
        entity = self.entity_a
        self.assertTrue(self.owner_a._b2b_can(entity, "sign"))
        for user in (self.buyer_ab, self.accountant_a, self.viewer_a, self.buyer_b):
            self.assertFalse(user._b2b_can(entity, "sign"), user.login)
        membership = self.env["b2b.membership"].search(
            [("user_id", "=", self.accountant_a.id), ("entity_id", "=", entity.id)]
        )
        membership.b2b_can_sign = True
        self.assertTrue(self.accountant_a._b2b_can(entity, "sign"))
        self.assertFalse(self.accountant_a._b2b_can(self.entity_b, "sign"))
        document = self.offer()
        self.assertEqual(
            [a.label for a in document._b2b_portal_actions(self.accountant_a)],
            ["Accept"],
        )
        self.assertEqual(document._b2b_portal_actions(self.viewer_a), [])


class TestContractPdf(ContractCommon):
    def test_the_offered_file_is_a_real_pdf(self):
        contract = self.contract_a.with_context(force_report_rendering=True)
        document = contract._b2b_edo_offer("contract")
        self.assertEqual(document.attachment_id.mimetype, "application/pdf")
        self.assertTrue(document.attachment_id.raw.startswith(b"%PDF-"))
        self.assertTrue(document.attachment_id.name.endswith(".pdf"))
