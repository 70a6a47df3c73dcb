"""A new entity's documents before its first order, in headless Chromium:
the supply contract offered to it is accepted with the e-mailed code, its
charter is uploaded and accepted by the supplier's manager, and only then
does the catalog take the order (b2b_edo on b2b_portal)."""

from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_edo.tests.contract_common import ContractCommon
from odoo.addons.b2b_edo.tests.founding_common import FoundingCommon
from odoo.addons.mail.tests.common import MockEmail

CODE = "odoo.addons.b2b_edo.models.contract_esign.B2bEsignCode._b2b_draw_code"


@tagged("post_install", "-at_install")
class TestDocumentsJourney(MockEmail, ContractCommon, FoundingCommon, HttpCase):
    # outside odoo.addons.*, Odoo does not name the module of the test
    test_module = "b2b_edo"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.create_fasteners("JRN")
        cls.add_stock({cls.bolt: 100})

    def test_contract_then_founding_documents_then_the_order(self):
        contract = self.offer()
        # the register extract and the appointment are in already
        self.accept_all(self.extract | self.appointment)
        self.assertTrue(self.entity_a._b2b_order_blockers())

        with patch(CODE, return_value="246810"), self.mock_mail_gateway():
            self.start_tour(
                contract._b2b_edo_accept_url(),
                "b2b_edo_contract_accept",
                login="buyer_a",
            )
        self.assertEqual(contract.state, "accepted")
        self.assertEqual(len([m for m in self._mails if "246810" in m["body"]]), 1)
        # still waiting for the charter
        self.assertTrue(self.entity_a._b2b_order_blockers())

        self.start_tour(
            "/my/b2b/documents/founding", "b2b_edo_founding_upload", login="buyer_a"
        )
        charter = self.founding_documents().filtered(
            lambda d: d.founding_item_id == self.charter
        )
        self.assertEqual(charter.state, "sent")
        charter.with_user(self.manager).action_b2b_founding_accept()
        self.assertEqual(self.entity_a._b2b_order_blockers(), [])

        self.start_tour("/my/b2b/catalog", "b2b_edo_journey_order", login="buyer_a")
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=False)
        self.assertEqual(cart.order_line.product_id, self.bolt)
        self.assertEqual(cart.order_line.product_uom_qty, 5)
