# the outcomes of a decided claim: credit notes, returns, exchanges, repair
# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict

from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from ..tools import claim_outcomes


class B2bClaim(models.Model):
    _inherit = "b2b.claim"

    repair_requested = fields.Boolean(copy=False, readonly=True)

    def _b2b_claimed_invoice(self):
        """The posted customer invoice of the claim's order."""
        self.ensure_one()
        order = (
            self.order_id or self.line_ids.move_line_id.move_id.sale_line_id.order_id
        )
        invoices = order.invoice_ids.filtered(
            lambda m: m.move_type == "out_invoice" and m.state == "posted"
        )
        return invoices[:1]

    def _b2b_make_outcomes(self):
        """Make the documents of the decision that do not exist yet: each is
        made once, however often the decision is retried."""
        self.ensure_one()
        lines = self.line_ids.filtered(lambda ln: ln.decision == "approved")
        kinds = claim_outcomes.outcome_kinds((ln.demand, True) for ln in lines)
        credit_lines = lines.filtered(
            lambda ln: ln.demand in claim_outcomes.CREDIT_DEMANDS
        )
        if "credit_note" in kinds and not self._b2b_credit_note("reduction"):
            self._b2b_make_credit_note("reduction", credit_lines)
        for outcome in ("return", "exchange"):
            if outcome in kinds and not self.return_picking_ids.filtered(
                lambda p, o=outcome: p.b2b_claim_outcome == o
            ):
                demand = "refund" if outcome == "return" else "replacement"
                self._b2b_make_return(
                    outcome, lines.filtered(lambda ln, d=demand: ln.demand == d)
                )
        if "repair" in kinds and not self.repair_requested:
            self._b2b_request_repair(lines.filtered(lambda ln: ln.demand == "repair"))

    def _b2b_outcomes_done(self):
        self.ensure_one()
        lines = self.line_ids.filtered(lambda ln: ln.decision == "approved")
        kinds = claim_outcomes.outcome_kinds((ln.demand, True) for ln in lines)
        if "repair" in kinds:
            return False  # the service team closes it
        if any(p.state != "done" for p in self.return_picking_ids):
            return False
        if "return" in kinds and not self._b2b_credit_note("refund"):
            return False
        return True

    # -- credit notes ------------------------------------------------------------
    def _b2b_credit_note(self, outcome):
        return self.credit_note_ids.filtered(
            lambda m: m.b2b_claim_outcome == outcome and m.state != "cancel"
        )

    def _b2b_make_credit_note(self, outcome, lines, quantities=None):
        """A posted credit note (``out_refund`` reversing the claimed
        invoice) of the approved amounts of ``lines``, posted in the chat.
        ``quantities``: {line: qty} for a refund of what was returned."""
        self.ensure_one()
        invoice = self._b2b_claimed_invoice()
        if not invoice:
            raise UserError(
                self.env._(
                    "Claim %(name)s: the order has no posted invoice to credit; "
                    "invoice it first.",
                    name=self.name,
                )
            )
        buyer = self._b2b_for_buyer()
        invoice_lines = []
        for line in lines:
            sale_line = line.move_line_id.move_id.sale_line_id
            if outcome == "refund":
                qty = (quantities or {}).get(line, line.approved_qty)
                values = {"quantity": qty, "price_unit": line.price_unit}
            else:
                values = {"quantity": 1.0, "price_unit": line.amount_approved}
            invoice_lines.append(
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "name": buyer.env._(
                            "%(claim)s: %(demand)s, %(product)s",
                            claim=self.name,
                            demand=dict(
                                line._fields["demand"]._description_selection(buyer.env)
                            )[line.demand],
                            product=line.product_id.display_name,
                        ),
                        "tax_ids": [Command.set(sale_line.tax_ids.ids)],
                        **values,
                    }
                )
            )
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(invoice.company_id)
            .create(
                {
                    "move_type": "out_refund",
                    "partner_id": invoice.partner_id.id,
                    "reversed_entry_id": invoice.id,
                    "currency_id": invoice.currency_id.id,
                    "invoice_origin": self.name,
                    "ref": buyer.env._("Claim %(name)s", name=self.name),
                    "b2b_claim_id": self.id,
                    "b2b_claim_outcome": outcome,
                    "invoice_line_ids": invoice_lines,
                }
            )
        )
        move.action_post()
        self._b2b_post_outcome(
            buyer.env._(
                "Credit note %(move)s of %(amount)s issued.",
                move=move.name,
                amount=format_amount(buyer.env, move.amount_total, move.currency_id),
            )
        )
        return move

    # -- returns and exchanges (Odoo's return wizard) -----------------------------
    def _b2b_make_return(self, outcome, lines):
        """A return of the approved quantities of ``lines``, per delivery,
        through ``stock.return.picking``; an exchange also makes the
        replacement delivery (Odoo's "Return for Exchange")."""
        self.ensure_one()
        by_picking = defaultdict(lambda: self.env["b2b.claim.line"])
        for line in lines:
            by_picking[line.move_line_id.picking_id] |= line
        pickings = self.env["stock.picking"]
        for picking, picking_lines in by_picking.items():
            quantities = defaultdict(float)
            for line in picking_lines:
                quantities[line.move_line_id.move_id] += line.approved_qty
            order_pickings = picking.sale_id.picking_ids
            wizard = (
                self.env["stock.return.picking"]
                .sudo()
                .with_context(active_model="stock.picking", active_id=picking.id)
                .create({"picking_id": picking.id})
            )
            for return_line in wizard.product_return_moves:
                return_line.quantity = quantities.get(return_line.move_id, 0.0)
            if outcome == "exchange":
                action = wizard.action_create_exchanges()
            else:
                action = wizard.action_create_returns()
            returned = self.env["stock.picking"].sudo().browse(action["res_id"])
            returned.write({"b2b_claim_id": self.id, "b2b_claim_outcome": outcome})
            pickings |= returned
            if outcome == "exchange":
                new = picking.sale_id.picking_ids - order_pickings - returned
                new = new.filtered(lambda p: p.picking_type_code == "outgoing")
                new.write({"b2b_claim_id": self.id, "b2b_claim_outcome": "replacement"})
                pickings |= new
        buyer = self._b2b_for_buyer()
        for picking in pickings:
            self._b2b_post_outcome(
                buyer.env._(
                    "%(kind)s %(picking)s created.",
                    kind=dict(
                        picking._fields["b2b_claim_outcome"]._description_selection(
                            buyer.env
                        )
                    )[picking.b2b_claim_outcome],
                    picking=picking.name,
                )
            )
        return pickings

    def _b2b_on_return_received(self, picking):
        """A return for a refund of this claim was received: its credit note
        (once), then the claim is resolved when nothing else is pending."""
        self.ensure_one()
        if picking.b2b_claim_outcome == "return" and not self._b2b_credit_note(
            "refund"
        ):
            lines = self.line_ids.filtered(
                lambda ln: ln.decision == "approved" and ln.demand == "refund"
            )
            received = defaultdict(float)
            for move in picking.move_ids.filtered(lambda m: m.state == "done"):
                received[move.origin_returned_move_id] += move.quantity
            quantities = {}
            for line in lines:
                move = line.move_line_id.move_id
                quantities[line] = min(line.approved_qty, received.get(move, 0.0))
                received[move] -= quantities[line]
            lines = lines.filtered(lambda ln: quantities[ln] > 0)
            if lines:
                self._b2b_make_credit_note("refund", lines, quantities)
        self._b2b_resolve_if_done()

    # -- repair --------------------------------------------------------------------
    def _b2b_request_repair(self, lines):
        self.ensure_one()
        qty = self.env["res.lang"]._b2b_format_qty
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("Repair: %(name)s", name=self.name),
            note=", ".join(
                f"{ln.product_id.display_name} × {qty(ln.approved_qty)}" for ln in lines
            ),
            user_id=(self.user_id or self.env.user).id,
        )
        self.repair_requested = True
        buyer = self._b2b_for_buyer()
        self._b2b_post_outcome(buyer.env._("The service team was asked to repair."))

    def _b2b_for_buyer(self):
        """The claim in its buyer's language: what the buyer reads of an
        outcome (its chat message, the credit note's labels) is written in
        it, whoever decided."""
        self.ensure_one()
        lang = self.contact_id.lang or self.entity_id.lang
        return self.with_context(lang=lang) if lang else self

    def _b2b_post_outcome(self, body):
        """A message in the claim's chat, seen by the buyer."""
        self.sudo().message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    # -- back office smart buttons --------------------------------------------------
    def action_b2b_credit_notes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Credit notes"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", self.credit_note_ids.ids)],
        }

    def action_b2b_pickings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfers"),
            "res_model": "stock.picking",
            "view_mode": "list,form",
            "domain": [("id", "in", self.return_picking_ids.ids)],
        }
