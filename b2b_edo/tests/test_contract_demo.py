from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestContractDemo(TransactionCase):
    """The demo contracts, generated in a database installed without demo
    data: one entity's contract accepted with evidence, another's offered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["b2b.demo"]._load_demo()
        cls.accepted, cls.offered = cls.env["b2b.demo"]._b2b_edo_contract_demo()

    def test_one_accepted_with_evidence_one_offered(self):
        buyer = self.env.ref("b2b_portal.user_buyer_demo")
        self.assertEqual(self.accepted.state, "accepted")
        acceptance = self.accepted.acceptance_ids
        self.assertEqual(acceptance.user_id, buyer)
        self.assertEqual(acceptance.document_sha256, self.accepted.file_sha256)
        self.assertTrue(acceptance.page_attachment_id)
        self.assertEqual(acceptance.consent_id.user_id, buyer)
        self.assertEqual(self.offered.state, "sent")
        self.assertEqual(
            self.offered.entity_id, self.env.ref("b2b_portal.entity_uralkomplekt_demo")
        )
        self.assertIn("Договор поставки", self.offered.attachment_id.raw.decode())
        self.assertFalse(self.accepted.entity_id._b2b_order_blockers())
        self.assertTrue(self.offered.entity_id._b2b_order_blockers())
        # someone of that entity can log in and accept it
        signer = self.env.ref("b2b_edo.user_signer_demo")
        self.assertEqual(signer.b2b_active_entity_id, self.offered.entity_id)
        self.assertTrue(signer._b2b_can(self.offered.entity_id, "sign"))
        self.assertEqual(
            [
                link.label
                for link in self.offered._b2b_portal_actions(signer)
                if link.primary
            ],
            ["Accept"],
        )

    def test_idempotent(self):
        self.assertIsNone(self.env["b2b.demo"]._b2b_edo_contract_demo())
