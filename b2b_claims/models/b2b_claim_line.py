from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import claim_outcomes

DEMANDS = [
    ("repair", "Repair the defects"),
    ("reduction_amount", "Price reduction by an amount"),
    ("reduction_percent", "Price reduction by a percentage"),
    ("compensation", "Compensation of losses"),
    ("replacement", "Replacement"),
    ("refund", "Return for a refund"),
]
DECISIONS = [
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]


class B2bClaimLine(models.Model):
    _name = "b2b.claim.line"
    _description = "Claim line"
    _order = "claim_id, id"

    claim_id = fields.Many2one(
        "b2b.claim", required=True, index=True, ondelete="cascade"
    )
    claim_state = fields.Selection(related="claim_id.state", store=True)
    # stored copies of the claim's fields: the statistics pivot groups the
    # lines by them without a join per group
    entity_id = fields.Many2one(related="claim_id.entity_id", store=True, index=True)
    claim_date = fields.Date(related="claim_id.date", store=True, string="Claim date")
    claim_type_id = fields.Many2one(
        related="claim_id.claim_type_id", store=True, string="Claim type"
    )
    currency_id = fields.Many2one(related="claim_id.currency_id")
    move_line_id = fields.Many2one(
        "stock.move.line",
        string="Delivered line",
        required=True,
        index=True,
        ondelete="restrict",
    )
    product_id = fields.Many2one(
        "product.product", related="move_line_id.product_id", store=True, index=True
    )
    uom_id = fields.Many2one(
        "uom.uom", string="Unit", related="move_line_id.product_uom_id"
    )
    delivered_qty = fields.Float(
        related="move_line_id.quantity",
        store=True,
        string="Delivered",
        digits="Product Unit",
    )
    quantity = fields.Float(string="Claimed", digits="Product Unit", required=True)
    reason = fields.Char()
    demand = fields.Selection(DEMANDS, required=True, default="replacement")
    demand_amount = fields.Monetary(string="Amount demanded")
    demand_percent = fields.Float(string="Reduction (%)")
    grounds = fields.Text(help="Grounds of a compensation: the losses and how.")
    price_unit = fields.Monetary(
        compute="_compute_price_unit", store=True, string="Unit price"
    )
    decision = fields.Selection(DECISIONS, default="pending", required=True)
    approved_qty = fields.Float(digits="Product Unit")
    approved_amount_input = fields.Monetary(
        string="Approved amount",
        help="For a price reduction by an amount or a compensation.",
    )
    decision_reason = fields.Char(string="Reason of the decision")
    amount_claimed = fields.Monetary(compute="_compute_amounts", store=True)
    amount_approved = fields.Monetary(
        compute="_compute_amounts", store=True, aggregator="sum"
    )
    quantity_share = fields.Float(
        string="Claimed share (%)",
        compute="_compute_amounts",
        store=True,
        aggregator="sum",
        help="Claimed quantity over delivered quantity; in the statistics, the "
        "sum of the claimed over the sum of the delivered quantities of the "
        "group (not an average of the lines' shares).",
    )

    @api.depends("move_line_id")
    def _compute_price_unit(self):
        for line in self:
            sale_line = line.move_line_id.move_id.sale_line_id
            # the order's unit price after discount, as its invoice line
            # carries it (tax included or not as the line's taxes say): a
            # credit note with the same taxes credits what was invoiced
            line.price_unit = (
                sale_line.price_unit * (1 - (sale_line.discount or 0.0) / 100)
                if sale_line
                else 0.0
            )

    @api.depends(
        "demand",
        "price_unit",
        "quantity",
        "demand_amount",
        "demand_percent",
        "decision",
        "approved_qty",
        "approved_amount_input",
        "delivered_qty",
    )
    def _compute_amounts(self):
        for line in self:
            line.amount_claimed = claim_outcomes.claimed_amount(
                line.demand,
                line.price_unit,
                line.quantity,
                line.demand_amount,
                line.demand_percent,
            )
            line.amount_approved = (
                claim_outcomes.approved_amount(
                    line.demand,
                    line.price_unit,
                    line.approved_qty,
                    line.approved_amount_input,
                    line.demand_percent,
                )
                if line.decision == "approved"
                else 0.0
            )
            line.quantity_share = (
                100.0 * line.quantity / line.delivered_qty
                if line.delivered_qty
                else 0.0
            )

    def _read_group_select(self, aggregate_spec, query):
        """The claimed share of a group is a ratio of sums: 100 × claimed /
        delivered over its lines, whatever aggregate the view asks."""
        if aggregate_spec.startswith("quantity_share:"):
            return SQL(
                "100.0 * %s / NULLIF(%s, 0)",
                self._read_group_select("quantity:sum", query),
                self._read_group_select("delivered_qty:sum", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def _b2b_check_decision(self):
        """Every line decided: approved within what was claimed (with the
        amount its demand needs), or rejected with a reason."""
        for line in self:
            product = line.product_id.display_name
            if line.decision == "pending":
                raise UserError(
                    self.env._(
                        "%(product)s: approve or reject the line.", product=product
                    )
                )
            if line.decision == "rejected":
                if not line.decision_reason:
                    raise UserError(
                        self.env._(
                            "%(product)s: write why the line is rejected.",
                            product=product,
                        )
                    )
                continue
            if not 0 < line.approved_qty <= line.quantity + 1e-6:
                raise UserError(
                    self.env._(
                        "%(product)s: the approved quantity is above zero and at "
                        "most the claimed %(qty)s.",
                        product=product,
                        qty=self.env["res.lang"]._b2b_format_qty(line.quantity),
                    )
                )
            if line.demand in ("reduction_amount", "compensation") and not (
                line.approved_amount_input > 0
            ):
                raise UserError(
                    self.env._(
                        "%(product)s: enter the approved amount.", product=product
                    )
                )

    def action_b2b_approve(self):
        """Approve what the buyer claimed: the claimed quantity and, for a
        demand by amount, the amount demanded (the manager may then lower
        either before deciding)."""
        for line in self:
            line.write(
                {
                    "decision": "approved",
                    "approved_qty": line.quantity,
                    "approved_amount_input": line.demand_amount
                    if line.demand in ("reduction_amount", "compensation")
                    else 0.0,
                }
            )
        return True

    def write(self, vals):
        """A decided claim's lines do not change any more (its documents are
        made from them)."""
        if set(vals) - {"claim_state"}:
            locked = self.filtered(
                lambda ln: ln.claim_id.state in ("decided", "resolved", "rejected")
            )
            if locked and not self.env.context.get("b2b_claim_outcome"):
                raise UserError(
                    self.env._("The claim is decided: its lines cannot be changed.")
                )
        return super().write(vals)
