from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import B2bCommon, B2bHttpMixin


@tagged("post_install", "-at_install")
class TestAssortment(B2bHttpMixin, B2bCommon, HttpCase):
    """Sections restricted to customer groups, and early access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_dealers = cls.env["res.partner.category"].create(
            {"name": "Dealers", "partner_ids": [(4, cls.entity_b.id)]}
        )
        cls.section = cls.env["product.category"].create({"name": "Dealer only"})
        cls.subsection = cls.env["product.category"].create(
            {"name": "Dealer only / sub", "parent_id": cls.section.id}
        )
        cls.open_section = cls.env["product.category"].create({"name": "Open"})
        cls.secret, cls.secret_sub, cls.public = cls.env["product.product"].create(
            [
                {
                    "name": "Secret item",
                    "default_code": "ASM-1",
                    "categ_id": cls.section.id,
                },
                {
                    "name": "Secret sub item",
                    "default_code": "ASM-2",
                    "categ_id": cls.subsection.id,
                },
                {
                    "name": "Public item",
                    "default_code": "ASM-3",
                    "categ_id": cls.open_section.id,
                },
            ]
        )
        cls.section.b2b_group_ids = cls.group_dealers

    def codes(self, login):
        self.authenticate(login, login)
        page = self.url_open("/my/b2b/catalog?search=ASM-&ppg=50").text
        return {code for code in ("ASM-1", "ASM-2", "ASM-3") if code in page}

    def test_domain_hides_restricted_sections_and_their_children(self):
        hidden = self.env["product.category"]._b2b_hidden_ids(self.entity_a)
        self.assertEqual(set(hidden), {self.section.id, self.subsection.id})
        self.assertFalse(self.env["product.category"]._b2b_hidden_ids(self.entity_b))

    def test_invisible_in_search(self):
        self.assertEqual(self.codes("buyer_a"), {"ASM-3"})
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.assertEqual(self.codes("buyer_ab"), {"ASM-1", "ASM-2", "ASM-3"})

    def test_invisible_by_url_and_id(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open(
            f"/my/b2b/product/{self.secret.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Secret item", response.text)
        page = self.url_open(
            f"/my/b2b/compare?ids={self.secret.id},{self.public.id}"
        ).text
        self.assertNotIn("Secret item", page)
        self.assertIn("Public item", page)
        response = self.post("/my/b2b/cart/add", {f"qty_{self.secret_sub.id}": "1"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("not in your catalog", response.text)
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))

    def test_early_access_for_new_arrivals(self):
        today = fields.Date.today()
        self.section.b2b_group_ids = False
        self.section.write(
            {
                "b2b_early_group_ids": [(6, 0, self.group_wholesale.ids)],
                "b2b_early_until": today + timedelta(days=7),
            }
        )
        self.assertEqual(self.codes("buyer_a"), {"ASM-1", "ASM-2", "ASM-3"})
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.assertEqual(
            self.codes("buyer_ab"), {"ASM-3"}, "B is not in the early group"
        )
        self.section.b2b_early_until = today - timedelta(days=1)
        self.assertEqual(
            self.codes("buyer_ab"), {"ASM-1", "ASM-2", "ASM-3"}, "open to all now"
        )
