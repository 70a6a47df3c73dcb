from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import claim_bounds

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("review", "In review"),
    ("waiting", "Waiting for the buyer"),
    ("decided", "Decided"),
    ("resolved", "Resolved"),
    ("rejected", "Rejected"),
    ("withdrawn", "Withdrawn"),
]
# the buyer may still change or withdraw the claim in these states
BUYER_OPEN = ("draft", "submitted", "review", "waiting")
# the claimed quantity of these claims is taken (decided ones: approved only)
OPEN_STATES = ("submitted", "review", "waiting")
DECIDED_STATES = ("decided", "resolved")
MAX_FILES = 10
UPLOAD_KINDS = ("jpeg", "png", "webp", "pdf")


class B2bClaim(models.Model):
    _name = "b2b.claim"
    _description = "Claim on delivered goods"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "id desc"
    _mail_post_access = "read"

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        required=True,
        index=True,
        domain=[("is_company", "=", True)],
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    contract_id = fields.Many2one("b2b.contract", index="btree_not_null")
    order_id = fields.Many2one("sale.order", index="btree_not_null")
    picking_id = fields.Many2one(
        "stock.picking", string="Delivery", index="btree_not_null"
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    claim_type_id = fields.Many2one("b2b.claim.type", string="Type", required=True)
    kind = fields.Selection(related="claim_type_id.kind", store=True)
    description = fields.Text()
    contact_id = fields.Many2one(
        "res.partner", string="Buyer's contact", help="Who filed the claim."
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        default=lambda self: self.env.user if not self.env.user.share else False,
        domain=[("share", "=", False)],
    )
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, index=True
    )
    line_ids = fields.One2many("b2b.claim.line", "claim_id", copy=True)
    submit_date = fields.Date(copy=False, readonly=True)
    decision_date = fields.Date(copy=False, readonly=True)
    resolve_date = fields.Date(
        copy=False, readonly=True, help="When the claim was resolved or rejected."
    )
    resolve_days = fields.Float(
        string="Days to resolve",
        compute="_compute_resolve_days",
        store=True,
        digits=(16, 1),
        aggregator="avg",
        help="Calendar days from the submission to the resolution or the "
        "rejection; the statistics average them over the closed claims.",
    )
    decision_note = fields.Text(string="Answer to the buyer")
    reject_reason = fields.Text()
    amount_claimed = fields.Monetary(compute="_compute_amounts", store=True)
    amount_approved = fields.Monetary(compute="_compute_amounts", store=True)
    credit_note_ids = fields.One2many(
        "account.move", "b2b_claim_id", string="Credit notes"
    )
    return_picking_ids = fields.One2many(
        "stock.picking", "b2b_claim_id", string="Returns and replacements"
    )
    escalated = fields.Boolean(
        copy=False, readonly=True, help="The buyer asked for management."
    )
    management_informed = fields.Boolean(copy=False, readonly=True)

    @api.depends(
        "line_ids.amount_claimed", "line_ids.amount_approved", "line_ids.decision"
    )
    def _compute_amounts(self):
        for claim in self:
            claim.amount_claimed = sum(claim.line_ids.mapped("amount_claimed"))
            claim.amount_approved = sum(claim.line_ids.mapped("amount_approved"))

    @api.depends("submit_date", "resolve_date")
    def _compute_resolve_days(self):
        for claim in self:
            claim.resolve_days = (
                (claim.resolve_date - claim.submit_date).days
                if claim.submit_date and claim.resolve_date
                else False
            )

    def _read_group_select(self, aggregate_spec, query):
        """The average time to resolve counts the closed claims only (an
        open one has no resolution date, and its 0 must not pull the
        average down)."""
        if aggregate_spec == "resolve_days:avg":
            return SQL(
                "AVG(CASE WHEN %s IS NOT NULL THEN %s END)",
                self._field_to_sql(self._table, "resolve_date", query),
                self._field_to_sql(self._table, "resolve_days", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for claim in self:
            claim.access_url = f"/my/b2b/claims/{claim.id}"
        return result

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name.replace("/", "-")

    @api.model_create_multi
    def create(self, vals_list):
        claims = super().create(vals_list)
        for claim in claims:
            if claim.name == "/":
                claim.name = self.env["ir.sequence"].next_by_code("b2b.claim") or "/"
        return claims

    def _get_thread_with_access(self, thread_id, **kwargs):
        """No access by token or signed link: only members of the claim's
        entity (record rules) and the supplier read its chat."""
        kwargs = {k: v for k, v in kwargs.items() if k not in ("token", "hash", "pid")}
        return super()._get_thread_with_access(thread_id, **kwargs)

    # -- bounds ----------------------------------------------------------------
    @api.model
    def _b2b_delivered_move_lines(self, entity, order=None, picking=None):
        """Done move lines of the outgoing deliveries of ``entity``'s orders
        (of ``order`` or ``picking`` when given), as superuser."""
        domain = [
            ("state", "=", "done"),
            ("picking_id.picking_type_code", "=", "outgoing"),
            ("picking_id.partner_id.commercial_partner_id", "=", entity.id),
            ("move_id.origin_returned_move_id", "=", False),
        ]
        if order:
            domain.append(("move_id.sale_line_id.order_id", "=", order.id))
        if picking:
            domain.append(("picking_id", "=", picking.id))
        return self.env["stock.move.line"].sudo().search(domain, order="id")

    @api.model
    def _b2b_claimable(self, move_lines, exclude=None):
        """``{move line id: quantity left to claim}``: delivered, minus what
        was returned, minus what open or accepted claims claim (``exclude``:
        a claim not to count, the one being checked)."""
        if not move_lines:
            return {}
        Line = self.env["b2b.claim.line"].sudo()
        domain = [("move_line_id", "in", move_lines.ids)]
        if exclude:
            domain.append(("claim_id", "not in", exclude.ids))
        taken = {}
        for line in Line.search_fetch(
            domain + [("claim_id.state", "in", OPEN_STATES + DECIDED_STATES)],
            ["move_line_id", "quantity", "approved_qty", "decision", "claim_state"],
        ):
            if line.claim_state in OPEN_STATES:
                qty = line.quantity
            else:
                qty = line.approved_qty if line.decision == "approved" else 0.0
            taken[line.move_line_id.id] = taken.get(line.move_line_id.id, 0.0) + qty
        result = {}
        for move_line in move_lines:
            move = move_line.move_id
            returned = sum(
                move.returned_move_ids.filtered(lambda m: m.state == "done").mapped(
                    "quantity"
                )
            )
            delivered = move_line.quantity
            # a return of the move is taken from its lines in turn
            others = sum((move.move_line_ids - move_line).mapped("quantity"))
            returned_here = max(returned - others, 0.0) if others else returned
            result[move_line.id] = claim_bounds.claimable(
                delivered, returned_here, taken.get(move_line.id, 0.0)
            )
        return result

    def _b2b_check_lines(self):
        """Refuse lines over what is left, not delivered to the entity, or
        with a demand missing its amount: a UserError naming the line."""
        for claim in self:
            move_lines = claim.line_ids.move_line_id
            delivered = self._b2b_delivered_move_lines(claim.entity_id)
            left = self._b2b_claimable(move_lines & delivered, exclude=claim)
            requests = [
                claim_bounds.LineRequest(
                    key=line.move_line_id.id,
                    quantity=line.quantity,
                    demand=line.demand,
                    amount=line.demand_amount,
                    percent=line.demand_percent,
                )
                for line in claim.line_ids
            ]
            if not requests:
                raise UserError(self.env._("Choose at least one delivered line."))
            errors = claim_bounds.check_lines(requests, left)
            if errors:
                key, code = next(iter(errors.items()))
                line = claim.line_ids.filtered(
                    lambda ln, k=key: ln.move_line_id.id == k
                )
                raise UserError(
                    self._b2b_line_message(code, line[:1], left.get(key, 0.0))
                )

    def _b2b_line_message(self, code, line, left):
        product = line.product_id.display_name or ""
        messages = {
            "quantity": self.env._("%(product)s: enter a quantity above zero."),
            "over": self.env._(
                "%(product)s: at most %(left)s %(unit)s can still be claimed."
            ),
            "undelivered": self.env._(
                "%(product)s was not delivered to you: a claim is filed on "
                "delivered goods only."
            ),
            "demand": self.env._("%(product)s: choose what you demand."),
            "amount": self.env._(
                "%(product)s: enter the amount of the price reduction or of "
                "the compensation."
            ),
            "percent": self.env._(
                "%(product)s: the price reduction is a percentage from 0 to 100."
            ),
        }
        return messages[code] % {
            "product": product,
            "left": self.env["res.lang"]._b2b_format_qty(left),
            "unit": line.uom_id.name or "",
        }

    # -- workflow --------------------------------------------------------------
    def _b2b_check_state(self, states):
        for claim in self:
            if claim.state not in states:
                raise UserError(
                    self.env._(
                        "Claim %(name)s is %(state)s: this cannot be done now.",
                        name=claim.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[claim.state],
                    )
                )

    def action_submit(self):
        self._b2b_check_state(("draft",))
        self._b2b_check_lines()
        today = fields.Date.context_today(self)
        self.write({"state": "submitted", "submit_date": today})
        self._b2b_notify_management("new")
        return True

    def action_review(self):
        self._b2b_check_state(("submitted", "waiting"))
        for claim in self.filtered(lambda c: c.state == "waiting"):
            claim._b2b_resume()
        self.write({"state": "review"})
        return True

    def action_wait_buyer(self):
        self._b2b_check_state(("submitted", "review"))
        self.write({"state": "waiting", "pause_start": fields.Date.context_today(self)})
        return True

    def _b2b_buyer_answered(self):
        """The buyer wrote while the claim waited for them: back in review."""
        waiting = self.filtered(lambda c: c.state == "waiting")
        if waiting:
            waiting.action_review()

    def action_withdraw(self):
        self._b2b_check_state(BUYER_OPEN)
        if self.filtered(lambda c: c.state == "waiting"):
            self.filtered(lambda c: c.state == "waiting")._b2b_resume()
        self.write({"state": "withdrawn"})
        return True

    def action_reject(self):
        self._b2b_check_state(("submitted", "review", "waiting"))
        for claim in self:
            if not claim.reject_reason:
                raise UserError(self.env._("Write why the claim is rejected."))
        self.line_ids.filtered(lambda ln: ln.decision == "pending").write(
            {"decision": "rejected"}
        )
        today = fields.Date.context_today(self)
        self.write({"state": "rejected", "decision_date": today, "resolve_date": today})
        return True

    def action_decide(self):
        """The supplier's decision on every line, then the documents it
        makes (once: a retried decision makes nothing twice)."""
        self._b2b_check_state(("submitted", "review", "waiting", "decided", "resolved"))
        for claim in self:
            claim.line_ids._b2b_check_decision()
            if claim.state == "waiting":
                claim._b2b_resume()
            if claim.state not in DECIDED_STATES:
                claim.write(
                    {
                        "state": "decided",
                        "decision_date": fields.Date.context_today(self),
                    }
                )
            # the documents need the order, invoice and deliveries, which a
            # B2B user may not read (salesman's own orders): superuser, after
            # the check that this user may write on the claim
            claim.check_access("write")
            claim.sudo()._b2b_make_outcomes()
            claim.sudo()._b2b_resolve_if_done()
        return True

    def action_resolve(self):
        self._b2b_check_state(("decided",))
        self.write(
            {"state": "resolved", "resolve_date": fields.Date.context_today(self)}
        )
        return True

    def _b2b_resolve_if_done(self):
        """Resolved when every document of the decision is made and done."""
        for claim in self.filtered(lambda c: c.state == "decided"):
            if claim._b2b_outcomes_done():
                claim.action_resolve()

    def action_escalate(self):
        """The buyer asks for the supplier's management (once)."""
        self._b2b_check_state(("submitted", "review", "waiting", "decided"))
        todo = self.filtered(lambda c: not c.escalated)
        todo.write({"escalated": True})
        todo._b2b_notify_management("escalated")
        return True

    # -- the buyer's files -----------------------------------------------------
    def _b2b_add_files(self, files):
        """Attach ``[(filename, content)]`` after checking each (kinds, size,
        content against the extension); location data stripped from photos.
        Nothing is stored when one file is refused."""
        from ..tools import photos

        self.ensure_one()
        Attachment = self.env["ir.attachment"]
        existing = Attachment.sudo().search_count(
            [("res_model", "=", self._name), ("res_id", "=", self.id)]
        )
        if existing + len(files) > MAX_FILES:
            raise UserError(
                self.env._(
                    "At most %(max)s files can be attached to a claim.", max=MAX_FILES
                )
            )
        checked = []
        for filename, content in files:
            check = Attachment._b2b_check_upload(filename, content, kinds=UPLOAD_KINDS)
            checked.append(
                (filename, photos.strip_metadata(check.kind, content), check.mimetype)
            )
        return Attachment.sudo().create(
            [
                {
                    "name": filename,
                    "raw": content,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": self.id,
                }
                for filename, content, mimetype in checked
            ]
        )

    def _b2b_attachments(self):
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "=", self.id)])
        )
