from lxml import html

from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin
from odoo.addons.b2b_portal.tests.pager import PagerWalkMixin

from .common import EdoCommon

ROWS = "//tr[contains(@class, 'o_b2b_edo_row')]/@data-number"


@tagged("post_install", "-at_install")
class TestDocumentsPortal(PagerWalkMixin, B2bHttpMixin, EdoCommon, HttpCase):
    """/my/b2b/documents: the ACTIVE entity's documents for a role with
    "documents"; nothing of another entity, by id, by /web/content or
    anonymously."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls.create_document(
            document_type="contract", send=True, date="2026-01-15"
        )
        cls.contract._b2b_accept()
        cls.act = cls.create_document(
            document_type="reconciliation", send=True, date="2026-03-31"
        )
        cls.other = cls.create_document(send=True, date="2026-02-10")
        cls.draft = cls.create_document(document_type="upd")
        cls.doc_b = cls.create_document(entity=cls.entity_b, send=True)

    def login(self, user):
        self.authenticate(user.login, user.login)

    def numbers(self, url):
        response = self.url_open(url, allow_redirects=False)
        self.assertEqual(response.status_code, 200, url)
        return set(html.fromstring(response.text).xpath(ROWS))

    def test_list_of_the_active_entity_for_each_role(self):
        expected = {self.contract.number, self.act.number, self.other.number}
        for user in (self.owner_a, self.accountant_a, self.viewer_a):
            with self.subTest(user=user.login):
                self.login(user)
                self.assertEqual(self.numbers("/my/b2b/documents"), expected)
        self.login(self.buyer_b)  # a buyer: no "documents"
        response = self.url_open("/my/b2b/documents", allow_redirects=False)
        self.assertEqual(response.status_code, 403)
        self.login(self.buyer_ab)  # owner of B, active entity B
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.assertEqual(self.numbers("/my/b2b/documents"), {self.doc_b.number})

    def test_another_entity_gets_nothing(self):
        self.login(self.buyer_ab)
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        for url in (
            f"/my/b2b/documents/{self.contract.id}",
            f"/my/b2b/documents/{self.contract.id}/download",
            f"/my/b2b/documents/{self.draft.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertEqual(response.status_code, 404)
        response = self.post(f"/my/b2b/documents/{self.other.id}/accept")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.other.state, "sent")
        for user in (self.buyer_ab, self.buyer_b):
            with self.subTest(user=user.login):
                self.login(user)
                response = self.url_open(
                    f"/web/content/{self.contract.attachment_id.id}?download=true",
                    allow_redirects=False,
                )
                self.assertIn(response.status_code, (403, 404))
                self.assertNotIn(self.PDF, response.content)

    def test_anonymous_redirected_to_login(self):
        self.authenticate(None, None)
        for url in (
            "/my/b2b/documents",
            f"/my/b2b/documents/{self.contract.id}",
            f"/my/b2b/documents/{self.contract.id}/download",
            f"/web/content/{self.contract.attachment_id.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (303, 403, 404))
                self.assertNotIn(self.PDF, response.content)
                self.assertNotIn(self.contract.number or "", response.text)

    def test_page_versions_and_download(self):
        new = self.contract._b2b_new_version()
        new._b2b_attach(b"%PDF-1.4 edition 2", "v2.pdf")
        new.action_send()
        self.login(self.accountant_a)
        page = self.url_open(f"/my/b2b/documents/{self.contract.id}").text
        tree = html.fromstring(page)
        self.assertEqual(
            len(tree.xpath("//tr[contains(@class, 'o_b2b_edo_version')]")), 2
        )
        self.assertIn(new.number, page)
        response = self.url_open(f"/my/b2b/documents/{self.contract.id}/download")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.PDF)
        self.assertIn("attachment", response.headers["Content-Disposition"])

    def test_filters_and_search(self):
        self.login(self.owner_a)
        cases = {
            "doc_type=contract": {self.contract.number},
            "state=sent": {self.act.number, self.other.number},
            "date_from=2026-02-01&date_to=2026-03-01": {self.other.number},
            f"search={self.act.number}": {self.act.number},
            "search=RA-": {self.act.number},
            "state=draft": {self.contract.number, self.act.number, self.other.number},
            "doc_type=nonsense&date_from=31.31.2026": {
                self.contract.number,
                self.act.number,
                self.other.number,
            },
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                self.assertEqual(self.numbers(f"/my/b2b/documents?{query}"), expected)

    def test_pager_keeps_the_filters(self):
        documents = self.env["b2b.document"]
        for _index in range(85):
            documents |= self.create_document(document_type="waybill", send=True)
        self.login(self.owner_a)
        pages = self.walk_pager("/my/b2b/documents?doc_type=waybill", ROWS)
        self.assertEqual(len(pages), 2)
        self.assertEqual(
            sorted(self.walked_rows(pages)), sorted(documents.mapped("number"))
        )

    def test_generic_accept_and_reject(self):
        self.login(self.viewer_a)  # a viewer changes nothing
        page = self.url_open(f"/my/b2b/documents/{self.other.id}").text
        self.assertNotIn("/accept", page)
        response = self.post(f"/my/b2b/documents/{self.other.id}/accept")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.other.state, "sent")
        self.login(self.accountant_a)
        response = self.post(f"/my/b2b/documents/{self.other.id}/reject", reason=" ")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.other.state, "sent")
        page = self.url_open(f"/my/b2b/documents/{self.other.id}").text
        self.assertIn(f"/my/b2b/documents/{self.other.id}/accept", page)
        self.assertIn('name="csrf_token"', page)
        response = self.post(f"/my/b2b/documents/{self.other.id}/accept")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            (self.other.state, self.other.decided_by_id),
            ("accepted", self.accountant_a),
        )
        self.assertTrue(self.other.b2b_chain_hash)

    def test_cards_on_home_and_dashboard(self):
        self.login(self.owner_a)
        for url in ("/my", "/my/b2b"):
            with self.subTest(url=url):
                page = self.url_open(url).text
                # the other document and the reconciliation act wait
                self.assertIn("2 documents wait for you", page)
        self.create_document(send=True)
        self.assertIn("3 documents wait for you", self.url_open("/my/b2b").text)
        self.login(self.viewer_a)  # reads, decides nothing: no waiting count
        page = self.url_open("/my/b2b").text
        self.assertIn("o_b2b_edo_card", page)
        self.assertNotIn("o_b2b_edo_waiting", page)
        self.login(self.buyer_b)  # no "documents": no card
        self.assertNotIn("o_b2b_edo_card", self.url_open("/my/b2b").text)

    def test_accountant_sees_documents_not_carts(self):
        self.login(self.accountant_a)
        self.assertEqual(len(self.numbers("/my/b2b/documents")), 3)
        dashboard = self.url_open("/my/b2b").text
        self.assertNotIn("o_b2b_cart", dashboard)
        response = self.post("/my/b2b/cart/add", product_id=1, qty=1)
        self.assertEqual(response.status_code, 403)

    def test_query_count_same_for_10_and_5000(self):
        self.login(self.owner_a)
        for _index in range(7):
            self.create_document(send=True)

        def count():
            self.url_open("/my/b2b/documents")
            before = self.cr.sql_log_count
            response = self.url_open("/my/b2b/documents")
            self.assertEqual(response.status_code, 200)
            return self.cr.sql_log_count - before

        small = count()
        self.env.flush_all()
        self.env.execute_query(
            SQL(
                """INSERT INTO b2b_document (document_type, number, date, company_id,
                       entity_id, direction, state, version, file_sha256,
                       attachment_id)
                   SELECT document_type, 'BULK-' || n, date, company_id, entity_id,
                       direction, 'sent', 1, file_sha256, attachment_id
                     FROM b2b_document, generate_series(1, 4990) AS n
                    WHERE id = %s""",
                self.other.id,
            )
        )
        self.env.invalidate_all()
        large = count()
        self.assertEqual(
            self.env["b2b.document"].search_count(
                [("entity_id", "=", self.entity_a.id)]
            ),
            5001,
        )
        self.assertLessEqual(large, 60)
        self.assertLessEqual(large - small, 1, f"10: {small} queries, 5000: {large}")
