from odoo import models


class ResPartner(models.Model):
    """Legal entities in Odoo's own portal pages: their addresses change only
    through the suite's change requests (an owner asks, the supplier checks),
    never through Odoo's address form (/my/address, /my/address/submit,
    /my/address/archive), whatever the member's role."""

    _inherit = "res.partner"

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
