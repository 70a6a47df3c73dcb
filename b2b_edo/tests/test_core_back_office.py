from odoo.tests import Form, tagged

from .common import EdoCommon


@tagged("post_install", "-at_install")
class TestBackOffice(EdoCommon):
    def test_entity_shows_its_documents(self):
        self.create_document(send=True)
        self.create_document()
        self.create_document(entity=self.entity_b, send=True)
        entity = self.entity_a.with_user(self.manager)
        self.assertEqual(entity.b2b_document_count, 2)
        action = entity.action_b2b_documents()
        self.assertEqual(self.env["b2b.document"].search_count(action["domain"]), 2)
        # the lines the parts give (founding documents still to upload...)
        self.assertEqual(
            entity.b2b_edo_missing_text, "\n".join(entity._b2b_edo_missing())
        )

    def test_form_of_a_final_document_is_read_only(self):
        document = self.create_document(send=True)
        form = Form(document.with_user(self.manager))
        for name in ("entity_id", "date", "document_type", "contract_id"):
            with self.subTest(field=name), self.assertRaises(AssertionError):
                setattr(form, name, False)
        self.assertEqual(document.b2b_version_ids, document)
        self.assertEqual(document.b2b_chain_status, "Not in the chain")

    def test_verify_menu_action(self):
        action = self.env.ref("b2b_edo.b2b_document_action_verify")
        result = action.with_user(self.manager).run()
        self.assertEqual(result["tag"], "display_notification")
