from odoo import fields, models

KINDS = [
    ("defect", "Manufacturing defect"),
    ("packaging", "Damaged packaging"),
    ("shortage", "Shortage"),
    ("surplus", "Surplus"),
    ("assortment", "Wrong assortment"),
    ("quality", "Declared quality"),
]


class B2bClaimType(models.Model):
    _name = "b2b.claim.type"
    _description = "Claim type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(KINDS, required=True, default="defect")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    service_days = fields.Integer(
        string="Service deadline (working days)",
        default=10,
        help="Working days, on the company's calendar, the supplier gives "
        "itself to answer; the days the claim waits for the buyer do not count.",
    )
    reasons = fields.Text(
        translate=True,
        help="Typical reasons, one per line, offered to the buyer.",
    )
    description = fields.Text(
        translate=True, help="What the buyer should attach (photos, act, report)."
    )

    def _b2b_reasons(self):
        self.ensure_one()
        return [
            line.strip() for line in (self.reasons or "").splitlines() if line.strip()
        ]
