from odoo import Command
from odoo.tests import Form, tagged

from .common import B2bCommon, inn, ogrn
from .events import record_event


@tagged("post_install", "-at_install")
class TestDocumentEvents(B2bCommon):
    """Each document event fires once per event, on B2B entities' records
    only, also when the event happens in the back office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock = cls.env.ref("stock.warehouse0").lot_stock_id
        cls.bolt = cls.env["product.product"].create(
            {
                "name": "Болт M10",
                "default_code": "EV-BOLT",
                "type": "consu",
                "is_storable": True,
                "invoice_policy": "order",
                "list_price": 10.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.env["stock.quant"]._update_available_quantity(cls.bolt, cls.stock, 100)
        cls.retail = cls.env["res.partner"].create(
            {"name": "Retail customer", "is_company": True}
        )
        cls.env.company.b2b_contract_on_approval = False
        cls.manager.group_ids = [Command.link(cls.env.ref("stock.group_stock_user").id)]

    def order(self, customer, qty=5):
        return self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": self.manager.id,
                "order_line": [
                    Command.create({"product_id": self.bolt.id, "product_uom_qty": qty})
                ],
            }
        )

    def invoice_of(self, customer):
        order = self.order(customer)
        order.action_confirm()
        return order._create_invoices()

    # -- orders -----------------------------------------------------------------
    def test_back_office_confirmation_fires_once(self):
        order = self.order(self.entity_a)
        with record_event(self.env, "sale.order", "_b2b_on_order_confirmed") as calls:
            order.with_user(self.manager).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(calls, [order.ids])

    def test_confirmation_of_a_batch_fires_for_the_entities_orders(self):
        orders = self.order(self.entity_a) | self.order(self.entity_b)
        retail = self.order(self.retail)
        with record_event(self.env, "sale.order", "_b2b_on_order_confirmed") as calls:
            (orders | retail).action_confirm()
            retail_only = self.order(self.retail)
            retail_only.action_confirm()
        self.assertEqual(calls, [sorted(orders.ids)])

    # -- invoices ---------------------------------------------------------------
    def test_invoice_posted_fires_once(self):
        invoice = self.invoice_of(self.entity_a)
        retail = self.invoice_of(self.retail)
        with record_event(self.env, "account.move", "_b2b_on_invoice_posted") as calls:
            (invoice | retail).action_post()
        self.assertEqual(calls, [invoice.ids])
        # reset and posted again: a reset, then a new posting
        with (
            record_event(self.env, "account.move", "_b2b_on_invoice_reset") as resets,
            record_event(self.env, "account.move", "_b2b_on_invoice_posted") as posts,
        ):
            (invoice | retail).button_draft()
            invoice.action_post()
        self.assertEqual(resets, [invoice.ids])
        self.assertEqual(posts, [invoice.ids])

    def test_credit_note_posted_fires(self):
        invoice = self.invoice_of(self.entity_a)
        invoice.action_post()
        wizard = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Брак"})
        )
        with record_event(self.env, "account.move", "_b2b_on_invoice_posted") as calls:
            wizard.refund_moves()
            refund = invoice.reversal_move_ids
            refund.action_post()
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(calls, [refund.ids])

    def register_payment(self, invoice, amount=None):
        values = {"amount": amount} if amount else {}
        return (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(values)
            ._create_payments()
        )

    def test_payment_registered_fires_paid_once(self):
        invoice = self.invoice_of(self.entity_a)
        invoice.action_post()
        retail = self.invoice_of(self.retail)
        retail.action_post()
        with (
            record_event(self.env, "account.move", "_invoice_paid_hook") as odoo_calls,
            record_event(self.env, "account.move", "_b2b_on_invoice_paid") as calls,
        ):
            self.register_payment(invoice, amount=20.0)
            self.assertEqual(invoice.payment_state, "partial")
            self.assertEqual(calls, [])
            payment = self.register_payment(invoice)
            self.register_payment(retail)
            self.assertIn(invoice.payment_state, ("paid", "in_payment"))
            self.assertEqual(calls, [invoice.ids])
            # the last payment undone, then reconciled again: Odoo calls its
            # hook again, the event does not fire again
            receivable = invoice.line_ids.filtered(
                lambda line: line.account_type == "asset_receivable"
            )
            counterpart = payment.move_id.line_ids.filtered(
                lambda line: line.account_id == receivable.account_id
            )
            counterpart.remove_move_reconcile()
            self.assertEqual(invoice.payment_state, "partial")
            (receivable | counterpart).reconcile()
            self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        # (Odoo also calls it on no records, e.g. at each posting)
        self.assertEqual(
            [ids for ids in odoo_calls if ids], [invoice.ids, retail.ids, invoice.ids]
        )
        self.assertEqual(calls, [invoice.ids])
        self.assertTrue(invoice.b2b_paid_event)

    # -- deliveries ---------------------------------------------------------------
    def test_delivery_with_backorder_fires_for_each_part(self):
        order = self.order(self.entity_a, qty=5)
        order.action_confirm()
        picking = order.picking_ids
        self.assertEqual(picking.picking_type_code, "outgoing")
        picking.move_ids.write({"quantity": 3, "picked": True})
        picking = picking.with_user(self.manager)
        with record_event(self.env, "stock.picking", "_b2b_on_delivery_done") as calls:
            action = picking.button_validate()
            Form.from_action(self.env, action).save().process()
            backorder = order.picking_ids - picking
            self.assertEqual(picking.state, "done")
            self.assertNotEqual(backorder.state, "done")
            self.assertEqual(calls, [picking.ids])
            backorder.move_ids.write({"quantity": 2, "picked": True})
            backorder.button_validate()
        self.assertEqual(backorder.state, "done")
        self.assertEqual(calls, [picking.ids, backorder.ids])

    def test_delivery_of_another_customer_does_not_fire(self):
        order = self.order(self.retail, qty=2)
        order.action_confirm()
        picking = order.picking_ids
        picking.move_ids.write({"quantity": 2, "picked": True})
        with record_event(self.env, "stock.picking", "_b2b_on_delivery_done") as calls:
            picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(calls, [])

    # -- entities -----------------------------------------------------------------
    def test_entity_approved_in_the_back_office_fires_once(self):
        entity = self.env["res.partner"].create(
            {
                "name": "ООО «Гамма»",
                "is_company": True,
                "country_id": self.ru.id,
                "vat": inn("770300003"),
                "b2b_kpp": "770301001",
                "company_registry": ogrn("102770000003"),
                "b2b_state": "pending",
            }
        )
        with record_event(self.env, "res.partner", "_b2b_on_entity_approved") as calls:
            entity.with_user(self.manager).action_b2b_approve()
            self.assertEqual(entity.b2b_state, "approved")
            # approving it again is no new approval
            entity.with_user(self.manager).action_b2b_approve()
        self.assertEqual(calls, [entity.ids])
