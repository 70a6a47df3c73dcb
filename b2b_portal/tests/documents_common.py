from odoo import Command

from .common import B2bCommon


class B2bDocumentsCommon(B2bCommon):
    """Members of each role of entity A (B2bCommon's owner buyer_a,
    accountant_a and viewer_a, and a buyer whose contact sits under the
    entity), an owner of entity B only; posted invoices, a credit note and
    confirmed orders with their deliveries on both entities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer_in_a = cls._b2b_member("doc_buyer", cls.entity_a, "buyer", True)
        cls.owner_b = cls._b2b_member("doc_owner_b", cls.entity_b, "owner")
        cls.members_a = {
            "owner": cls.buyer_a,
            "buyer": cls.buyer_in_a,
            "accountant": cls.accountant_a,
            "viewer": cls.viewer_a,
        }
        cls.product = cls.env["product.product"].create(
            {"name": "Document test bolt", "default_code": "DOC-1", "list_price": 10}
        )

        def move(entity, move_type="out_invoice"):
            return {
                "move_type": move_type,
                "partner_id": entity.id,
                "invoice_line_ids": [
                    Command.create({"product_id": cls.product.id, "quantity": 3})
                ],
            }

        moves = cls.env["account.move"].create(
            [
                move(cls.entity_a),
                move(cls.entity_a, "out_refund"),
                move(cls.entity_b),
                move(cls.entity_a),
            ]
        )
        cls.invoice_a, cls.refund_a, cls.invoice_b, cls.draft_a = moves
        (moves - cls.draft_a).action_post()
        cls.order_a, cls.order_b = cls.env["sale.order"].create(
            [
                {
                    "partner_id": entity.id,
                    "b2b_contract_id": contract.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.product.id, "product_uom_qty": 2}
                        )
                    ],
                }
                for entity, contract in (
                    (cls.entity_a, cls.contract_a),
                    (cls.entity_b, cls.contract_b),
                )
            ]
        )
        (cls.order_a | cls.order_b).action_confirm()
        cls.picking_a, cls.picking_b = cls.order_a.picking_ids, cls.order_b.picking_ids
