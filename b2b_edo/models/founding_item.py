from odoo import api, fields, models

from ..tools import founding_checklist


class B2bFoundingItem(models.Model):
    """One line of the founding documents checklist: what a legal entity (or
    a sole trader) uploads for the supplier to check."""

    _name = "b2b.founding.item"
    _description = "Founding documents checklist item"
    _order = "entity_kind, sequence, id"

    name = fields.Char(required=True, translate=True)
    entity_kind = fields.Selection(
        [
            (founding_checklist.LEGAL, "Legal entity"),
            (founding_checklist.SOLE_TRADER, "Sole trader"),
        ],
        string="Kind of entity",
        required=True,
        default=founding_checklist.LEGAL,
        help="Sole traders are the entities with a 12-digit INN.",
    )
    document_type = fields.Selection(
        [
            ("founding", "Founding document"),
            ("power_of_attorney", "Power of attorney"),
        ],
        string="Kind of document",
        required=True,
        default="founding",
    )
    required = fields.Boolean(
        string="Required for ordering",
        default=True,
        help="The entity orders once the supplier accepted every required "
        "item (if the company asks for founding documents before ordering).",
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
        help="The company that asks for the item; empty: every company.",
    )
    active = fields.Boolean(default=True)

    @api.model
    def _b2b_items_for(self, entity, company=None):
        """The active items ``entity`` has to provide to ``company`` (the
        current one by default), in the checklist's order."""
        company = company or self.env.company
        return (
            self.sudo()
            .search(
                [
                    (
                        "entity_kind",
                        "=",
                        founding_checklist.entity_kind(entity.sudo().vat),
                    ),
                    ("company_id", "in", [False, company.id]),
                ]
            )
            .sudo(self.env.su)
        )
