"""Claims (b2b_claims, when installed) for the API: listed as the buyer
reads them (record rules), filed through ``b2b.claim._b2b_file``, the
portal form's method with every server check."""

from odoo import api, models
from odoo.fields import Domain

from ..tools.errors import ApiError


class B2bApiClaims(models.AbstractModel):
    _name = "b2b.api.claims"
    _description = "B2B API claims"

    @api.model
    def _b2b_claims(self, entity, after=0, limit=50):
        domain = Domain("entity_id", "=", entity.id)
        if after:
            domain &= Domain("id", ">", after)
        claims = self.env["b2b.claim"].search(domain, order="id", limit=limit + 1)
        return claims[:limit], len(claims) > limit

    @api.model
    def _b2b_claim_types(self):
        return [
            {"id": kind.id, "name": kind.name, "kind": kind.kind}
            for kind in self.env["b2b.claim.type"].sudo().search([])
        ]

    @api.model
    def _b2b_claimable(self, entity, order_id=0, picking_id=0):
        """The delivered lines of an order or a delivery of ``entity`` that
        may be claimed, with what is left (the portal's claim form)."""
        Claim = self.env["b2b.claim"]
        order, picking = Claim._b2b_claim_source(entity, order_id, picking_id)
        return [
            {
                "move_line_id": move_line.id,
                "sku": move_line.product_id.default_code or "",
                "name": move_line.product_id.with_context(
                    display_default_code=False
                ).display_name,
                "delivered_qty": move_line.quantity,
                "unit": move_line.product_uom_id.name,
                "left_qty": left,
                "delivery": move_line.picking_id.name,
            }
            for move_line, left in Claim._b2b_claim_form(
                entity, order=order, picking=picking
            )
        ]

    @api.model
    def _b2b_file(self, user, entity, body):
        """File the claim of ``body`` (checked by its schema) for
        ``entity``; every check of the portal's form holds."""
        Claim = self.env["b2b.claim"]
        order, picking = Claim._b2b_claim_source(
            entity, body.get("order_id") or 0, body.get("picking_id") or 0
        )
        lines = [
            {
                "move_line_id": line["move_line_id"],
                "quantity": line["qty"],
                "demand": line.get("demand") or "replacement",
                "demand_amount": line.get("demand_amount") or 0.0,
                "demand_percent": line.get("demand_percent") or 0.0,
                "reason": (line.get("reason") or "")[:200],
                "grounds": line.get("grounds") or False,
            }
            for line in body["lines"]
        ]
        return Claim._b2b_file(
            user,
            entity,
            {
                "claim_type_id": body["claim_type_id"],
                "description": (body.get("description") or "").strip(),
                "order": order,
                "picking": picking,
            },
            lines,
        )

    @api.model
    def _b2b_claim(self, entity, claim_id):
        claim = self.env["b2b.claim"].search(
            [("id", "=", claim_id), ("entity_id", "=", entity.id)], limit=1
        )
        if not claim:
            raise ApiError(404, "not_found", self.env._("This claim does not exist."))
        return claim

    def _b2b_claim_dict(self, claim):
        claim = claim.sudo()
        currency = claim.currency_id
        return {
            "id": claim.id,
            "name": claim.name,
            "state": claim.state,
            "date": claim.date and claim.date.isoformat() or None,
            "type": {"id": claim.claim_type_id.id, "name": claim.claim_type_id.name},
            "order": claim.order_id
            and {"id": claim.order_id.id, "name": claim.order_id.name}
            or None,
            "delivery": claim.picking_id
            and {"id": claim.picking_id.id, "name": claim.picking_id.name}
            or None,
            "description": claim.description or "",
            "currency": currency.name,
            "amount_claimed": currency.round(claim.amount_claimed),
            "amount_approved": currency.round(claim.amount_approved),
            "lines": [
                {
                    "move_line_id": line.move_line_id.id,
                    "sku": line.product_id.default_code or "",
                    "qty": line.quantity,
                    "demand": line.demand,
                    "decision": line.decision,
                    "approved_qty": line.approved_qty,
                }
                for line in claim.line_ids
            ],
        }
