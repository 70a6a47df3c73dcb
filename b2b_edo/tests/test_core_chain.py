from odoo.tests import tagged
from odoo.tools import SQL

from .common import EdoCommon


@tagged("post_install", "-at_install")
class TestChain(EdoCommon):
    """Accepted documents join their company's hash chain; the verification
    finds a record changed with raw SQL at its link."""

    def accept(self, count):
        documents = self.env["b2b.document"]
        for _index in range(count):
            document = self.create_document(send=True)
            document._b2b_accept()
            documents |= document
        return documents

    def verify(self):
        return self.env["b2b.edo.chained"]._b2b_chain_verify(self.env.company)

    def start(self):
        """The chain's length before the test's links."""
        return self.verify()[0]

    def test_accept_appends_in_order(self):
        start = self.start()
        documents = self.accept(3)
        self.assertEqual(
            documents.mapped("b2b_chain_index"), [start + 1, start + 2, start + 3]
        )
        self.assertEqual(self.verify(), (start + 3, None))
        ok, message = self.env["b2b.edo.chained"]._b2b_chain_report(self.env.company)
        self.assertTrue(ok)
        self.assertIn(f"intact, {start + 3} links", message)
        self.assertIn("intact", documents[1].b2b_chain_status)
        # superseding an accepted document keeps the chain intact
        new = documents[0]._b2b_new_version()
        new._b2b_attach(b"%PDF-1.4 v2", "v2.pdf")
        new.action_send()
        self.assertEqual(self.verify(), (start + 3, None))

    def test_sent_and_rejected_are_not_links(self):
        start = self.start()
        sent = self.create_document(send=True)
        rejected = self.create_document(send=True)
        rejected._b2b_reject("No")
        self.assertFalse(sent.b2b_chain_index or rejected.b2b_chain_index)
        self.assertEqual(self.verify(), (start, None))

    def tamper(self, document, column, value):
        self.env.flush_all()
        self.env.execute_query(
            SQL(
                "UPDATE b2b_document SET %s = %s WHERE id = %s",
                SQL.identifier(column),
                value,
                document.id,
            )
        )
        self.env.invalidate_all()

    def test_sql_tampering_found_at_its_link(self):
        start = self.start()
        documents = self.accept(4)
        for column, value in (("file_sha256", "0" * 64), ("number", "SC-forged")):
            with self.subTest(column=column):
                target = documents[2]
                original = target[column]
                self.tamper(target, column, value)
                count, broken = self.verify()
                self.assertEqual(count, start + 2)
                self.assertEqual(
                    (broken.position, broken.model, broken.record_id, broken.reason),
                    (start + 3, "b2b.document", target.id, "hash"),
                )
                ok, message = self.env["b2b.edo.chained"]._b2b_chain_report(
                    self.env.company
                )
                self.assertFalse(ok)
                self.assertIn(f"broken at link {start + 3}", message)
                self.assertIn("BROKEN", target.b2b_chain_status)
                self.tamper(target, column, original)
        self.assertEqual(self.verify(), (start + 4, None))

    def test_removed_link_found(self):
        start = self.start()
        documents = self.accept(3)
        self.tamper(documents[1], "b2b_chain_index", None)
        self.assertEqual(self.verify()[1].reason, "gap")
        self.tamper(documents[1], "b2b_chain_index", start + 2)
        self.tamper(documents[2], "b2b_chain_index", None)
        broken = self.verify()[1]
        self.assertEqual((broken.reason, broken.position), ("head", start + 3))

    def test_verify_action(self):
        self.accept(1)
        action = (
            self.env["b2b.document"].with_user(self.manager).action_b2b_verify_chain()
        )
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn("intact", action["params"]["message"])
