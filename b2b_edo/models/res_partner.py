from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _b2b_edo_portal_links(self, user):
        """Sections of the documents page beyond the list, for ``user`` acting
        for this entity: ``list[PortalLink]`` (tools/portal_links.py). Each
        part (founding documents, reconciliation acts, debt report) adds its
        own; call super()."""
        self.ensure_one()
        return []

    def _b2b_edo_waiting_count(self, user):
        """How many documents of this entity wait for ``user`` (to accept,
        sign, upload): the card on /my and the dashboard. Parts add theirs;
        call super()."""
        self.ensure_one()
        return 0

    def _b2b_edo_missing(self):
        """What this entity still has to provide or accept, one translated
        line each ("The supply contract is not accepted yet.", "Charter:
        missing"): the entity form in the back office and the documents page.
        Parts add theirs; call super()."""
        self.ensure_one()
        return []
