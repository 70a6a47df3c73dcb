from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

from ..tools.order_status import portal_status

PORTAL_STATUSES = [
    ("cart", "Cart"),
    ("quotation", "Quotation"),
    ("confirmed", "Confirmed"),
    ("partly_delivered", "Partly delivered"),
    ("delivered", "Delivered"),
    ("invoiced", "Invoiced"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]
# Bootstrap classes of the status badge in the portal
PORTAL_STATUS_BADGES = {
    "cart": "text-bg-light",
    "quotation": "text-bg-secondary",
    "confirmed": "text-bg-primary",
    "partly_delivered": "text-bg-info",
    "delivered": "text-bg-success",
    "invoiced": "text-bg-warning",
    "paid": "text-bg-success",
    "cancelled": "text-bg-danger",
}


class SaleOrder(models.Model):
    _name = "sale.order"
    # the order rules: models/sale_order_rules.py
    _inherit = ["sale.order", "b2b.order.rules"]

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
    b2b_portal_status = fields.Selection(
        PORTAL_STATUSES,
        string="Status for the buyer",
        compute="_compute_b2b_portal_status",
        help="State, delivery, invoicing and payment of the order in one word, "
        "as the portal shows it to buyers.",
    )

    @api.depends(
        "state",
        "b2b_is_cart",
        "delivery_status",
        "invoice_status",
        "invoice_ids.state",
        "invoice_ids.move_type",
        "invoice_ids.payment_state",
    )
    def _compute_b2b_portal_status(self):
        for order in self:
            # the states of the order's invoices only, also for the users who
            # read orders but not invoices (stock users)
            invoices = order.sudo().invoice_ids.filtered(
                lambda move: move.state == "posted"
                and move.move_type == "out_invoice"
                and move.payment_state != "reversed"
            )
            order.b2b_portal_status = portal_status(
                order.state,
                is_cart=order.b2b_is_cart,
                delivery_status=order.delivery_status,
                invoice_status=order.invoice_status,
                payment_states=invoices.mapped("payment_state"),
            )

    @api.depends("partner_id", "company_id", "b2b_contract_id")
    def _compute_pricelist_id(self):
        """An order of a B2B entity (a cart, a quotation made in the back
        office) takes the price list of the one resolver,
        ``res.partner._b2b_pricelist(contract)``; other customers keep
        Odoo's."""
        result = super()._compute_pricelist_id()
        for order in self:
            if order.state != "draft" or not order.partner_id:
                continue
            entity = order.partner_id.commercial_partner_id
            if not (entity.b2b_state or order.b2b_contract_id):
                continue
            pricelist = entity.with_company(order.company_id)._b2b_pricelist(
                order.b2b_contract_id
            )
            if pricelist:
                order.pricelist_id = pricelist
        return result

    @api.model
    def _b2b_not_cart_domain(self):
        """Orders, not carts: a cart stops being one once confirmed."""
        return ["|", ("b2b_is_cart", "=", False), ("state", "=", "sale")]

    def _b2b_is_open_cart(self):
        self.ensure_one()
        return self.b2b_is_cart and self.state != "sale"

    def _b2b_check_portal_action(self, user):
        """Refuse ``user`` Odoo's own portal routes that change this order
        (accept, sign, decline, pay, optional products) unless they may: on
        an order of a B2B entity, only a member whose role there allows
        ordering, whatever token they hold; an open cart never (carts go
        through the suite's cart pages and checkout, with their checks).
        Orders of other customers keep Odoo's rules (read access or token)."""
        self.ensure_one()
        order = self.sudo()
        entity = order.b2b_entity_id
        if order._b2b_is_open_cart() or (
            entity and entity._b2b_is_entity() and not user._b2b_can(entity, "order")
        ):
            # one message: it tells nobody whose order or cart this is
            raise AccessError(self.env._("You may not change this order."))

    def _b2b_portal_status_badge(self):
        self.ensure_one()
        return PORTAL_STATUS_BADGES.get(self.b2b_portal_status, "text-bg-secondary")

    @api.constrains("b2b_contract_id", "partner_id")
    def _check_b2b_contract_entity(self):
        for order in self.filtered("b2b_contract_id"):
            if order.b2b_contract_id.entity_id != order.b2b_entity_id:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is not a contract of %(entity)s.",
                        contract=order.b2b_contract_id.display_name,
                        entity=order.b2b_entity_id.display_name,
                    )
                )

    def _b2b_add_products(self, quantities):
        """Add ``{product: qty}`` or ``{(product, unit): qty}`` to this cart
        in one write; the quantity of a product already in the cart in the
        same unit is increased (a product alone means its sales unit).
        Refused with a ``B2bOrderRulesError`` when the cart would break the
        order rules of its entity."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Only a draft order can be changed."))
        # the order rules of what the cart will hold (models/sale_order_rules.py)
        self._b2b_assert_order_rules(self._b2b_check_own_rules(add=quantities))
        lines = {
            (line.product_id, line.product_uom_id): line
            for line in self.order_line
            if not line.display_type
        }
        commands = []
        for key, qty in quantities.items():
            product, uom = key if isinstance(key, tuple) else (key, key.uom_id)
            line = lines.get((product, uom))
            if line:
                commands.append(
                    Command.update(
                        line.id, {"product_uom_qty": line.product_uom_qty + qty}
                    )
                )
            else:
                values = {"product_id": product.id, "product_uom_qty": qty}
                if uom != product.uom_id:
                    values["product_uom_id"] = uom.id
                commands.append(Command.create(values))
        self.write({"order_line": commands})
        return self

    def _b2b_export_url(self, user):
        """Where ``user`` downloads this draft order or cart as a file to edit
        and upload again ("" without an addon that exports: b2b_quick_order
        fills it); the caller adds the extension."""
        return ""

    def _b2b_file_label(self):
        """What a file made of this order is named after."""
        self.ensure_one()
        return self.name

    def _b2b_price_notices(self):
        """Short texts about this cart's prices for the buyer (a seam:
        b2b_pricelist tells until when they are fixed). Pages of carts show
        them above the lines."""
        self.ensure_one()
        return []

    # -- the portal order page ------------------------------------------------
    def _b2b_line_availability(self):
        """Whether the goods of these orders' lines still to deliver are there,
        in a constant number of queries whatever the number of lines.

        :return: {line id: {"status": "reserved" | "in_stock" | "short" |
            "expected", "available": qty in the product's unit,
            "date": date of the next incoming supply or False}}
        """
        orders = self.filtered(
            lambda o: o.state in ("draft", "sent", "sale")
            and o.delivery_status != "full"
        )
        lines = orders.order_line.filtered(
            lambda line: not line.display_type and line.product_id.is_storable
        ).sorted(lambda line: (line.order_id.id, line.sequence, line.id))
        result = {}
        for company, company_lines in lines.grouped(
            lambda line: line.order_id.company_id
        ).items():
            stock = company_lines.product_id._b2b_availability(company)
            # free stock left once the lines above took their share
            free = {pid: info["free_qty"] for pid, info in stock.items()}
            for line in company_lines:
                product = line.product_id
                uom = product.uom_id
                todo = line.product_uom_id._compute_quantity(
                    line.product_uom_qty - line.qty_delivered, uom, round=False
                )
                if float_compare(todo, 0.0, precision_rounding=uom.rounding) <= 0:
                    continue
                moves = line.move_ids.filtered(
                    lambda m: m.state not in ("done", "cancel")
                    and m.location_dest_id.usage == "customer"
                )
                info = {"available": todo, "date": False}
                if moves and all(move.state == "assigned" for move in moves):
                    result[line.id] = dict(info, status="reserved")
                    continue
                reserved = sum(
                    move.product_uom._compute_quantity(move.quantity, uom, round=False)
                    for move in moves
                )
                needed = todo - reserved
                if (
                    float_compare(
                        free[product.id], needed, precision_rounding=uom.rounding
                    )
                    >= 0
                ):
                    free[product.id] -= needed
                    result[line.id] = dict(info, status="in_stock")
                    continue
                available = reserved + max(free[product.id], 0.0)
                free[product.id] = min(free[product.id], 0.0)
                incoming = stock[product.id]["incoming_date"]
                result[line.id] = {
                    "status": "expected" if incoming else "short",
                    "available": available,
                    "date": incoming,
                }
        return result

    # -- reorder --------------------------------------------------------------
    def _b2b_reorder_quantities(self, company):
        """{product: qty in its own unit} of this order's product lines that
        its entity may still order from ``company`` (catalog seam: still
        sold, same company); the same product on several lines is summed."""
        self.ensure_one()
        lines = self.order_line.filtered(
            lambda line: not line.display_type
            and not line.is_downpayment
            and not line.combo_item_id
            and line.product_id
            and line.product_uom_qty > 0
        )
        Product = self.env["product.product"].with_company(company)
        orderable = Product.search(
            Product._b2b_catalog_domain(self.b2b_entity_id, company)
            + [("id", "in", lines.product_id.ids), ("type", "!=", "combo")]
        )
        quantities = {}
        for line in lines.filtered(lambda line: line.product_id in orderable):
            product = line.product_id
            qty = line.product_uom_id._compute_quantity(
                line.product_uom_qty, product.uom_id
            )
            quantities[product] = quantities.get(product, 0.0) + qty
        return quantities

    # -- VAT ------------------------------------------------------------------
    def _b2b_taxes_included(self):
        """Whether every tax of this order is included in its prices, so that
        the order shows its VAT as "incl. VAT" (в т.ч. НДС) under the total."""
        self.ensure_one()
        taxes = self.order_line.tax_ids
        return bool(taxes) and all(taxes.mapped("price_include"))
