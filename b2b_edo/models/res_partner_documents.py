# the documents of an entity in the back office and the portal; the seams
# themselves stay in res_partner.py
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # B2B fields: computed for B2B users only (Odoo's own users never
    # read b2b.document)
    b2b_document_count = fields.Integer(
        string="Documents",
        compute="_compute_b2b_document_count",
        groups="b2b_portal.group_b2b_user",
    )
    b2b_edo_missing_text = fields.Text(
        string="Missing documents",
        compute="_compute_b2b_edo_missing_text",
        groups="b2b_portal.group_b2b_user",
    )

    def _compute_b2b_document_count(self):
        counts = dict(
            self.env["b2b.document"]._read_group(
                [("entity_id", "in", self.ids)], ["entity_id"], ["__count"]
            )
        )
        for partner in self:
            partner.b2b_document_count = counts.get(partner, 0)

    def _compute_b2b_edo_missing_text(self):
        for partner in self:
            missing = (
                partner._b2b_edo_missing()
                if partner.id and partner.is_company and partner.b2b_state
                else []
            )
            partner.b2b_edo_missing_text = "\n".join(missing)

    def action_b2b_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_edo.b2b_document_action"
        )
        action["domain"] = [("entity_id", "=", self.id)]
        action["context"] = {
            "default_entity_id": self.id,
            "search_default_group_state": 1,
        }
        return action

    # -- the documents section (seams of res_partner.py) -------------------------
    def _b2b_edo_waiting_count(self, user):
        """Plus the sent documents of this entity ``user`` may act on: those
        whose ``_b2b_portal_actions(user)`` offer a primary action (so a part
        that adds a document action is counted here; parts add only what is
        not a sent document, as a founding document still to upload)."""
        count = super()._b2b_edo_waiting_count(user)
        Document = self.env["b2b.document"].with_user(user)
        sent = Document.search(Document._b2b_portal_domain(self, state="sent"))
        return count + len(
            sent.filtered(
                lambda d: any(link.primary for link in d._b2b_portal_actions(user))
            )
        )
