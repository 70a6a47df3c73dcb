from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        related="partner_id.commercial_partner_id",
        store=True,
        index="btree_not_null",
    )
    b2b_contract_id = fields.Many2one(
        "b2b.contract",
        string="Contract",
        index="btree_not_null",
        ondelete="restrict",
        domain="[('entity_id', '=', b2b_entity_id), ('state', '=', 'active')]",
        tracking=True,
    )
    b2b_is_cart = fields.Boolean(
        string="B2B cart",
        copy=False,
        help="A draft order a buyer fills in the portal.",
    )
    b2b_buyer_id = fields.Many2one(
        "res.users",
        string="Buyer",
        index="btree_not_null",
        copy=False,
        help="The portal user who owns this cart.",
    )

    @api.constrains("b2b_contract_id", "partner_id")
    def _check_b2b_contract_entity(self):
        for order in self.filtered("b2b_contract_id"):
            if (
                order.b2b_contract_id.entity_id
                != order.partner_id.commercial_partner_id
            ):
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is not a contract of %(entity)s.",
                        contract=order.b2b_contract_id.display_name,
                        entity=order.b2b_entity_id.display_name,
                    )
                )

    def _b2b_add_products(self, quantities):
        """Add ``{product: qty}`` to this cart in one write; the quantity of a
        product already in the cart (in its sales unit) is increased."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Only a draft order can be changed."))
        lines = {
            line.product_id: line
            for line in self.order_line
            if not line.display_type and line.product_uom_id == line.product_id.uom_id
        }
        commands = []
        for product, qty in quantities.items():
            line = lines.get(product)
            if line:
                commands.append(
                    Command.update(
                        line.id, {"product_uom_qty": line.product_uom_qty + qty}
                    )
                )
            else:
                commands.append(
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                )
        self.write({"order_line": commands})
        return self
