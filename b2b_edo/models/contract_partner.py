# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class ResPartner(models.Model):
    """The entity's signatory (printed in its contract) and what its
    supply contract changes: the contract on approval, the order blocker."""

    _inherit = "res.partner"

    b2b_signatory_name = fields.Char(
        string="Signatory",
        help="Who signs the supply contract for this legal entity (full name).",
    )
    b2b_signatory_position = fields.Char(
        string="Signatory's position", help="For example: General Director."
    )

    def _b2b_on_entity_approved(self):
        """The supply contract is generated and offered (when the company has
        a contract template)."""
        result = super()._b2b_on_entity_approved()
        for entity in self.sudo():
            contract = entity._b2b_default_contract()
            if contract:
                contract._b2b_edo_offer_on_approval()
        return result

    def _b2b_edo_contract_pending(self):
        """Whether a supply contract was offered to this entity and none is
        accepted: it cannot order until it is (company setting). One query
        for an entity never offered a contract."""
        self.ensure_one()
        states = {
            state
            for [state] in self.env["b2b.document"]
            .sudo()
            ._read_group(
                [("entity_id", "=", self.id), ("document_type", "=", "contract")],
                ["state"],
            )
        }
        if "sent" not in states or "accepted" in states:
            return False
        return self.sudo()._b2b_supplier_company().b2b_edo_contract_required

    def _b2b_order_blockers(self):
        blockers = super()._b2b_order_blockers()
        if not blockers and self._b2b_edo_contract_pending():
            blockers.append(
                self.env._(
                    "%(entity)s has not accepted the supply contract yet: accept "
                    "it in Documents to order.",
                    entity=self.sudo().display_name,
                )
            )
        return blockers

    def _b2b_edo_missing(self):
        missing = super()._b2b_edo_missing()
        if self._b2b_edo_contract_pending():
            missing.append(self.env._("The supply contract is not accepted yet."))
        return missing
