from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin

from .upd_common import UpdCommon


@tagged("post_install", "-at_install")
class TestUpdPortal(B2bHttpMixin, UpdCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        order = cls.order(cls, qty=2)
        cls.deliver(cls, order)
        cls.pay(cls, order)
        cls.upd = cls.upds(cls, order_id=order.id)
        cls.url = f"/my/b2b/documents/{cls.upd.id}/xml"

    def test_a_member_downloads_the_xml(self):
        self.authenticate("accountant_a", "accountant_a")
        response = self.url_open(self.url, allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.upd.xml_attachment_id.raw)
        self.assertIn(
            self.upd.xml_attachment_id.name,
            response.headers.get("Content-Disposition", ""),
        )

    def test_another_entity_and_anonymous_get_nothing(self):
        self.authenticate("buyer_b", "buyer_b")
        response = self.url_open(self.url, allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(b"ON_NSCHFDOPPR", response.content)
        attachment = f"/web/content/{self.upd.xml_attachment_id.id}"
        self.assertNotEqual(self.url_open(attachment).status_code, 200)
        self.authenticate(None, None)
        response = self.url_open(self.url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
