from odoo import api, fields, models

from ..tools import language

# partners that do not hold their INN + KPP: not B2B entities, and rejected
# registrations (a corrected one may follow)
UNCOUNTED_STATES = (False, "rejected")


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_kpp = fields.Char(
        string="KPP",
        size=9,
        help="Tax registration reason code (КПП) of a Russian organisation.",
    )
    b2b_tax_system = fields.Selection(
        [
            ("osn", "General (OSN, with VAT)"),
            ("usn_income", "Simplified, on income (USN 6%)"),
            ("usn_profit", "Simplified, income minus expenses (USN 15%)"),
            ("patent", "Patent (PSN)"),
            ("eshn", "Agricultural tax (ESHN)"),
        ],
        string="Tax system",
    )
    b2b_state = fields.Selection(
        [
            ("draft", "Draft"),
            ("pending", "Pending verification"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        string="B2B verification",
        copy=False,
        index=True,
        tracking=True,
        help="Legal entities of B2B customers are verified by a B2B manager "
        "before their buyers may order.",
    )
    b2b_reject_reason = fields.Text(string="Rejection reason", copy=False)
    # memberships and contracts are B2B records: every internal user (and the
    # public) reads partners without them
    b2b_membership_ids = fields.One2many(
        "b2b.membership",
        "entity_id",
        string="Buyers",
        groups="base.group_portal,b2b_portal.group_b2b_user",
    )
    b2b_contract_ids = fields.One2many(
        "b2b.contract",
        "entity_id",
        string="Contracts",
        groups="base.group_portal,b2b_portal.group_b2b_user",
    )
    b2b_membership_count = fields.Integer(
        compute="_compute_b2b_membership_count", groups="b2b_portal.group_b2b_user"
    )

    @api.depends("b2b_membership_ids")
    def _compute_b2b_membership_count(self):
        counts = dict(
            self.env["b2b.membership"]._read_group(
                [("entity_id", "in", self.ids)], ["entity_id"], ["__count"]
            )
        )
        for partner in self:
            partner.b2b_membership_count = counts.get(partner, 0)

    def _b2b_default_contract(self, date=None):
        """The contract new orders of this entity use: the default one if
        valid, else the first valid one; empty if none can order."""
        self.ensure_one()
        valid = self.sudo().b2b_contract_ids.filtered(lambda c: c._b2b_is_valid(date))
        return (valid.filtered("is_default") or valid)[:1]

    def _b2b_order_blockers(self):
        """Why this entity cannot order now (empty: it can)."""
        self.ensure_one()
        entity = self.sudo()
        if entity.b2b_state != "approved":
            return [
                self.env._(
                    "%(entity)s is not verified yet: orders open once the "
                    "supplier approves it.",
                    entity=entity.display_name,
                )
            ]
        if not entity._b2b_default_contract():
            return [
                self.env._(
                    "%(entity)s has no active contract: ask your manager.",
                    entity=entity.display_name,
                )
            ]
        return []

    def _b2b_requisites_address(self):
        """The address as documents print it in requisites: zip, country,
        region, city, street, empty parts left out ("" for no partner)."""
        return ", ".join(
            part
            for part in (
                self.zip,
                self.country_id.name,
                self.state_id.name,
                self.city,
                self.street,
                self.street2,
            )
            if part
        )

    def _b2b_address_line(self):
        """The address on one line, empty parts left out."""
        self.ensure_one()
        return language.one_line(self._display_address(without_company=True))

    # -- Odoo's own address pages --------------------------------------------------
    # An entity's addresses change only through the change requests (an owner
    # asks, the supplier checks), never through Odoo's address form
    # (/my/address, /my/address/submit, /my/address/archive), whatever the role.
    def _b2b_is_entity(self):
        """Whether this partner's commercial partner is a B2B legal entity:
        one under verification or with buyers (past ones included)."""
        self.ensure_one()
        entity = self.sudo().commercial_partner_id
        return bool(
            entity.b2b_state
            or entity.with_context(active_test=False).b2b_membership_ids
        )

    def _can_be_edited_by_current_customer(self, **kwargs):
        """A buyer edits their own contact only; the entity and its other
        addresses are the change requests' (Odoo lets any contact under a
        company edit and archive all its addresses)."""
        self.ensure_one()
        if self._b2b_is_entity() and (
            self != self._get_current_partner(**kwargs)
            or self == self.sudo().commercial_partner_id
        ):
            return False
        return super()._can_be_edited_by_current_customer(**kwargs)
