from odoo import Command

from odoo.addons.b2b_portal.tests.common import B2bCommon


class ClaimsCommon(B2bCommon):
    """B2bCommon plus a delivered and invoiced order of each entity:
    ``order_a`` (10 bolts, 20 nuts) delivered by ``picking_a``, with the
    move lines ``ml_bolt`` and ``ml_nut``, invoiced by ``invoice_a``;
    ``order_b`` (5 bolts) of entity B, ``ml_bolt_b``. No taxes: amounts
    are those of the lines."""

    JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    JPEG_GPS = (
        b"\xff\xd8"
        b"\xff\xe1\x00\x16Exif\x00\x00GPS-52.37N-4.89E"
        b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\xd2\xcf\x20\xff\xd9"
    )
    PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.create_fasteners("CLM", taxes_id=[Command.clear()])
        cls.add_stock({cls.bolt: 100, cls.nut: 100})
        cls.type_defect = cls.env.ref("b2b_claims.claim_type_defect")
        cls.type_shortage = cls.env.ref("b2b_claims.claim_type_shortage")
        cls.order_a = cls.delivered_order(cls.entity_a, {cls.bolt: 10, cls.nut: 20})
        cls.picking_a = cls.order_a.picking_ids
        cls.ml_bolt, cls.ml_nut = (
            cls.picking_a.move_line_ids.filtered(
                lambda ml, p=product: ml.product_id == p
            )
            for product in (cls.bolt, cls.nut)
        )
        cls.invoice_a = cls.order_a._create_invoices()
        cls.invoice_a.action_post()
        cls.order_b = cls.delivered_order(cls.entity_b, {cls.bolt: 5})
        cls.ml_bolt_b = cls.order_b.picking_ids.move_line_ids

    @classmethod
    def delivered_order(cls, entity, quantities, validate=True):
        order = cls.env["sale.order"].create(
            {
                "partner_id": entity.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for product, qty in quantities.items()
                ],
            }
        )
        order.action_confirm()
        if validate:
            cls.validate(order.picking_ids)
        return order

    @classmethod
    def validate(cls, pickings):
        for picking in pickings:
            picking.action_assign()
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking._action_done()

    @classmethod
    def file_claim(cls, lines, entity=None, user=None, claim_type=None, files=()):
        """A claim filed through the portal's model method; ``lines``:
        ``[(move line, qty, demand, extra values)]``."""
        entity = entity or cls.entity_a
        user = user or cls.buyer_a
        return cls.env["b2b.claim"]._b2b_file(
            user,
            entity,
            {"claim_type_id": (claim_type or cls.type_defect).id},
            [
                dict(
                    {"move_line_id": ml.id, "quantity": qty, "demand": demand},
                    **(extra or {}),
                )
                for ml, qty, demand, extra in lines
            ],
            files,
        )

    @staticmethod
    def decide(claim, decisions):
        """``{claim line: values}`` written, then the decision."""
        for line, values in decisions.items():
            line.write(dict({"decision": "approved"}, **values))
        claim.action_decide()
        return claim
