from odoo.tests.common import BaseCase

from ..tools import demo_catalog


class TestDemoCatalog(BaseCase):
    """The demo catalog's plain data, without a database."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.items = demo_catalog.catalog()

    def test_size_and_uniqueness(self):
        self.assertGreaterEqual(len(self.items), 300)
        self.assertEqual(len({i["sku"] for i in self.items}), len(self.items))
        self.assertEqual(len({i["barcode"] for i in self.items}), len(self.items))

    def test_barcodes_are_valid_ean13(self):
        for item in self.items:
            code = item["barcode"]
            self.assertEqual(len(code), 13)
            self.assertEqual(demo_catalog.ean13(code[:12]), code)
        self.assertEqual(demo_catalog.ean13("460700100001"), "4607001000013")

    def test_names_in_two_languages(self):
        for item in self.items:
            self.assertTrue(item["name_ru"] and item["name_en"])
            self.assertNotRegex(item["name_en"], "[а-яА-ЯёЁ]", item["sku"])

    def test_stock_situations(self):
        out = [i for i in self.items if not i["on_hand"]]
        incoming = [i for i in self.items if i["incoming"]]
        self.assertTrue(0 < len(out) < len(self.items) / 4)
        self.assertTrue(incoming)
        self.assertTrue(
            all(i["incoming"] for i in out), "out of stock items are expected"
        )
        for item in self.items:
            self.assertGreater(item["list_price"], item["cost"])
            self.assertGreater(item["rrp"], item["list_price"])

    def test_deterministic(self):
        self.assertEqual(demo_catalog.catalog(), self.items)
