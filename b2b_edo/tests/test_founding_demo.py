from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestFoundingDemo(TransactionCase):
    """The founding documents of the demo, on top of b2b_portal's demo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["b2b.demo"]._load_demo()
        cls.env["b2b.demo"]._b2b_edo_founding_demo()
        cls.company = cls.env.ref("b2b_portal.supplier_company_demo")
        cls.buyer = cls.env.ref("b2b_portal.user_buyer_demo")

    def statuses(self, key):
        entity = self.env.ref(f"b2b_portal.{key}_demo").with_company(self.company)
        return {
            item.get_external_id()[item.id].split(".")[1]: status
            for item, status in entity._b2b_founding_checklist()
        }

    def test_accepted_rejected_waiting(self):
        first = self.statuses("entity_stroydvor")
        self.assertEqual(first["founding_item_charter_demo"].status, "accepted")
        attorney = first["founding_item_power_of_attorney_demo"]
        self.assertEqual(attorney.status, "rejected")
        self.assertIn("Доверенность", attorney.reason)
        second = self.statuses("entity_tekhnosnab")
        self.assertEqual(
            [second[key].status for key in sorted(second)],
            ["accepted", "accepted", "waiting", "accepted"],
        )

    def test_checklist_of_the_demo_supplier(self):
        items = self.env["b2b.founding.item"]._b2b_items_for(
            self.env.ref("b2b_portal.entity_stroydvor_demo"), self.company
        )
        self.assertEqual(len(items), 4)
        self.assertEqual(set(items.company_id.ids), {self.company.id})

    def test_the_demo_buyer_still_orders_for_both_entities(self):
        self.assertTrue(self.company.b2b_founding_required)
        for entity in self.buyer._b2b_entities():
            blockers = (
                entity.with_user(self.buyer)
                .with_company(self.company)
                ._b2b_order_blockers()
            )
            self.assertEqual(blockers, [])
        # nothing required is left: a new required item blocks
        self.env["b2b.founding.item"].create(
            {"name": "Licence", "company_id": self.company.id}
        )
        first = self.env.ref("b2b_portal.entity_stroydvor_demo")
        self.assertIn(
            "Licence", first.with_company(self.company)._b2b_order_blockers()[0]
        )

    def test_supplier_documents_published(self):
        published = (
            self.env["b2b.document"]
            .with_user(self.buyer)
            .with_company(self.company)
            ._b2b_published_documents()
        )
        self.assertEqual(len(published), 2)
