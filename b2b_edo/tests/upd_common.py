from odoo import Command
from odoo.tests import Form

from odoo.addons.b2b_portal.tests.common import inn

from .common import EdoCommon


class UpdCommon(EdoCommon):
    """EdoCommon plus a supplier with an INN that makes UPDs, a product in
    stock, a 22 % VAT and helpers for an order's delivery and payment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        company.write(
            {
                "vat": inn("771301234"),
                "b2b_upd_trigger": "both",
                "b2b_director_name": "Петров Сергей Иванович",
                "b2b_contract_on_approval": False,
            }
        )
        company.partner_id.write({"b2b_kpp": "771301001", "b2b_tax_system": "osn"})
        cls.vat22 = cls.env["account.tax"].create(
            {
                "name": "НДС 22%",
                "amount": 22,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "company_id": company.id,
            }
        )
        cls.bolt = cls.env["product.product"].create(
            {
                "name": "Болт M10",
                "default_code": "UPD-BOLT",
                "type": "consu",
                "is_storable": True,
                "invoice_policy": "order",
                "list_price": 10.0,
                "taxes_id": [Command.clear()],
            }
        )
        stock = cls.env.ref("stock.warehouse0").lot_stock_id
        cls.env["stock.quant"]._update_available_quantity(cls.bolt, stock, 1000)
        cls.manager.group_ids = [Command.link(cls.env.ref("stock.group_stock_user").id)]
        cls.retail = cls.env["res.partner"].create(
            {"name": "Retail customer", "is_company": True}
        )

    def order(self, customer=None, qty=5, taxes=None, confirm=True):
        order = self.env["sale.order"].create(
            {
                "partner_id": (customer or self.entity_a).id,
                "b2b_contract_id": self.contract_a.id
                if (customer or self.entity_a) == self.entity_a
                else False,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.bolt.id,
                            "product_uom_qty": qty,
                            "price_unit": 10.0,
                            "tax_ids": [
                                Command.set(
                                    (self.vat22 if taxes is None else taxes).ids
                                )
                            ],
                        }
                    )
                ],
            }
        )
        if confirm:
            order.action_confirm()
        return order

    def deliver(self, order, qty=None):
        """Validate the open delivery of ``order`` for ``qty`` (all by
        default; less makes a backorder)."""
        picking = order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        for move in picking.move_ids:
            move.quantity = qty if qty is not None else move.product_uom_qty
        picking.move_ids.picked = True
        action = picking.button_validate()
        if isinstance(action, dict) and action.get("res_model"):
            Form.from_action(self.env, action).save().process()
        return picking

    def pay(self, order):
        invoice = order._create_invoices()
        invoice.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        return invoice

    def upds(self, **domain):
        return self.env["b2b.document"].search(
            [("document_type", "=", "upd")]
            + [(key, "=", value) for key, value in domain.items()]
        )
