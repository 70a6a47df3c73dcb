# the documents section of the portal, apart from the registry (b2b_document.py)
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.fields import Domain

from ..tools.portal_links import PortalLink


class B2bDocument(models.Model):
    """The documents section of the portal: what a member lists, finds and
    may do. Searched as the member (record rules apply on top)."""

    _inherit = "b2b.document"

    @api.model
    def _b2b_portal_domain(
        self, entity, doc_type=None, state=None, date_from=None, date_to=None,
        search=None,
    ):  # fmt: skip
        """The documents of ``entity`` (and the supplier's own, published to
        every entity) the section lists, filtered; drafts never."""
        domain = Domain("entity_id", "in", [entity.id, False]) & Domain(
            "state", "!=", "draft"
        )
        if doc_type:
            domain &= Domain("document_type", "=", doc_type)
        if state:
            domain &= Domain("state", "=", state)
        if date_from:
            domain &= Domain("date", ">=", date_from)
        if date_to:
            domain &= Domain("date", "<=", date_to)
        if search:
            domain &= Domain("number", "ilike", search)
        return domain

    @api.model
    def _b2b_portal_decidable_types(self):
        """The types a member accepts or rejects with the generic buttons of
        the documents page; parts with their own flow (the contract's
        e-signature, the act's comment) keep their types out of it."""
        return {"other"}

    def _b2b_portal_can_decide(self, user):
        self.ensure_one()
        entity = self.entity_id
        return (
            self.state == "sent"
            and self.direction == "outgoing"
            and self.document_type in self._b2b_portal_decidable_types()
            and entity
            and entity in user._b2b_entities()
            and user._b2b_can(entity, "decide")
        )

    def _b2b_portal_actions(self, user):
        actions = super()._b2b_portal_actions(user)
        if self._b2b_portal_can_decide(user):
            url = self._b2b_portal_url()
            actions += [
                PortalLink(
                    self.env._("Accept"), f"{url}/accept", primary=True, method="post"
                ),
                PortalLink(self.env._("Reject"), f"{url}?reject=1#b2b_edo_reject"),
            ]
        return actions

    def _b2b_portal_decide(self, user, accept, reason=None):
        """The member's generic decision, after ``_b2b_portal_can_decide``."""
        self.ensure_one()
        if not self._b2b_portal_can_decide(user):
            return False
        document = self.with_user(user).sudo()
        if accept:
            document._b2b_accept()
        else:
            document._b2b_reject(reason)
        return True

    @api.model
    def _b2b_portal_card(self, user):
        """The documents card of /my and of the dashboard for ``user``'s
        active entity: None without the "documents" capability, else
        ``{"waiting": n, "text": "1 документ ждёт подписи" or ""}``."""
        entities = user._b2b_entities()
        if not entities:
            return None
        entity = user._b2b_active_entity()
        if not user._b2b_can(entity, "documents"):
            return None
        waiting = entity._b2b_edo_waiting_count(user)
        Lang = self.env["res.lang"]
        text = (
            f"{Lang._b2b_format_qty(waiting)} "
            + Lang._b2b_plural(
                waiting,
                self.env._("document waits for you|documents wait for you"),
            )
            if waiting
            else ""
        )
        return {"waiting": waiting, "text": text}
