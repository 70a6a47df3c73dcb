import base64

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import B2bCommon


@tagged("post_install", "-at_install")
class TestProductPage(B2bCommon, HttpCase):
    """The product page, files, the compare view and attribute filters."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colour = cls.env["product.attribute"].create(
            {
                "name": "Цвет",
                "value_ids": [
                    Command.create({"name": "Красный"}),
                    Command.create({"name": "Синий"}),
                ],
            }
        )
        cls.red, cls.blue = cls.colour.value_ids
        cls.template = cls.env["product.template"].create(
            {
                "name": "Розетка тест",
                "default_code": "ATTR",
                "attribute_line_ids": [
                    Command.create(
                        {
                            "attribute_id": cls.colour.id,
                            "value_ids": [Command.set(cls.colour.value_ids.ids)],
                        }
                    )
                ],
            }
        )
        variants = cls.template.product_variant_ids
        colour_of = {
            v.product_template_attribute_value_ids.product_attribute_value_id: v
            for v in variants
        }
        cls.socket_red, cls.socket_blue = colour_of[cls.red], colour_of[cls.blue]
        cls.socket_red.write({"default_code": "ATTR-RED", "weight": 0.12})
        cls.socket_blue.default_code = "ATTR-BLUE"
        cls.others = cls.env["product.product"].create(
            [
                {"name": f"Сравнение {n}", "default_code": f"CMP-{n}"}
                for n in range(1, 5)
            ]
        )
        cls.document = cls.env["product.document"].create(
            {
                "name": "Сертификат.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 certificate"),
                "res_model": "product.template",
                "res_id": cls.template.id,
            }
        )

    def test_product_page_with_specifications_and_files(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open(f"/my/b2b/product/{self.socket_red.id}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("ATTR-RED", page)
        self.assertIn("Красный", page)
        self.assertNotIn("Синий", page, "only this variant's colour")
        self.assertIn("0.12", page)
        self.assertIn("Сертификат.pdf", page)
        link = page.split('href="/web/content/')[1].split('"')[0].replace("&amp;", "&")
        download = self.url_open("/web/content/" + link)
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"%PDF-1.4 certificate")
        no_token = self.url_open(
            f"/web/content/{self.document.ir_attachment_id.id}?download=true"
        )
        self.assertNotEqual(no_token.status_code, 200)

    def test_unknown_product_is_404(self):
        self.authenticate("buyer_a", "buyer_a")
        self.assertEqual(self.url_open("/my/b2b/product/99999999").status_code, 404)

    def test_compare_up_to_four(self):
        self.authenticate("buyer_a", "buyer_a")
        ids = ",".join(str(i) for i in [self.socket_red.id, *self.others.ids])
        page = self.url_open(f"/my/b2b/compare?ids={ids}").text
        self.assertIn("Up to 4 products", page)
        self.assertIn("ATTR-RED", page)
        self.assertIn("CMP-3", page)
        self.assertNotIn("CMP-4", page)
        self.assertIn("Цвет", page)
        page = self.url_open(
            f"/my/b2b/compare?ids={self.others[0].id}&ids={self.others[1].id}"
        ).text
        self.assertIn("CMP-1", page)
        self.assertIn("CMP-2", page)
        self.assertIn("Choose up to 4", self.url_open("/my/b2b/compare?ids=abc").text)

    def test_attribute_filter(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b/catalog?search=ATTR").text
        self.assertIn("ATTR-RED", page)
        self.assertIn("ATTR-BLUE", page)
        self.assertIn("Красный (1)", page)
        page = self.url_open(f"/my/b2b/catalog?search=ATTR&attr={self.blue.id}").text
        self.assertIn("ATTR-BLUE", page)
        self.assertNotIn("ATTR-RED", page)
        page = self.url_open(
            f"/my/b2b/catalog?search=ATTR&attr={self.blue.id}&attr={self.red.id}"
        ).text
        self.assertIn("ATTR-RED", page)
        self.assertIn("ATTR-BLUE", page)
