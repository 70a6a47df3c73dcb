from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import MockEmail

from .contract_common import ContractCommon


@tagged("post_install", "-at_install")
class TestContractTour(MockEmail, ContractCommon, HttpCase):
    def test_tour_the_buyer_accepts_the_contract_with_the_e_mailed_code(self):
        document = self.offer()
        self.assertTrue(self.entity_a._b2b_order_blockers())
        # a test double for the random code only: the e-mail is still sent
        with (
            patch(
                "odoo.addons.b2b_edo.models.contract_esign.B2bEsignCode._b2b_draw_code",
                return_value="246810",
            ),
            self.mock_mail_gateway(),
        ):
            self.start_tour(
                document._b2b_edo_accept_url(),
                "b2b_edo_contract_accept",
                login="buyer_a",
            )
        code_mails = [m for m in self._mails if "246810" in m["body"]]
        self.assertEqual(len(code_mails), 1)
        self.assertEqual(code_mails[0]["email_to"], [self.owner_a.email_formatted])
        self.assertEqual(document.state, "accepted")
        acceptance = document.acceptance_ids
        self.assertEqual(acceptance.signatory_position, "Генеральный директор")
        self.assertEqual(acceptance.document_sha256, document.file_sha256)
        self.assertEqual(self.entity_a._b2b_order_blockers(), [])
