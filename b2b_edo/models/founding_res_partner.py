from odoo import models

from ..tools import founding_checklist
from ..tools.portal_links import PortalLink

FOUNDING_URL = "/my/b2b/documents/founding"


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _b2b_founding_applies(self):
        """Whether this partner is a B2B entity that exchanges founding
        documents: approved, with buyers."""
        self.ensure_one()
        entity = self.sudo()
        return entity.b2b_state == "approved" and bool(entity.b2b_membership_ids)

    def _b2b_founding_checklist(self):
        """``[(item, ItemStatus)]`` of this entity's checklist (empty for a
        partner that is not a B2B entity)."""
        self.ensure_one()
        if not self._b2b_founding_applies():
            return []
        items = self.env["b2b.founding.item"]._b2b_items_for(self)
        statuses = self.env["b2b.document"]._b2b_founding_statuses(self, items)
        return list(zip(items, statuses, strict=True))

    def _b2b_founding_status_label(self, status):
        labels = {
            founding_checklist.MISSING: self.env._("missing"),
            founding_checklist.WAITING: self.env._("waiting for the supplier"),
            founding_checklist.ACCEPTED: self.env._("accepted"),
            founding_checklist.REJECTED: self.env._("rejected"),
        }
        return labels[status]

    # -- b2b_portal's and b2b_edo's seams ---------------------------------------
    def _b2b_order_blockers(self):
        blockers = super()._b2b_order_blockers()
        if blockers or not self.env.company.sudo().b2b_founding_required:
            return blockers
        waiting = [
            item.name
            for item, status in self._b2b_founding_checklist()
            if status.blocks_ordering
        ]
        if waiting:
            blockers.append(
                self.env._(
                    "%(entity)s can order once the supplier accepts its founding "
                    "documents: %(items)s (Documents → Founding documents).",
                    entity=self.sudo().display_name,
                    items=", ".join(waiting),
                )
            )
        return blockers

    def _b2b_edo_missing(self):
        missing = super()._b2b_edo_missing()
        for item, status in self._b2b_founding_checklist():
            if status.status == founding_checklist.ACCEPTED:
                continue
            line = self.env._(
                "%(item)s: %(status)s",
                item=item.name,
                status=self._b2b_founding_status_label(status.status),
            )
            if status.reason:
                line = f"{line} ({status.reason})"
            missing.append(line)
        return missing

    def _b2b_founding_to_upload(self, user):
        """How many items ``user`` has to upload for this entity (missing or
        rejected); 0 for a member who does not upload."""
        self.ensure_one()
        if not user._b2b_can(self, "founding_upload"):
            return 0
        return sum(
            1
            for _item, status in self._b2b_founding_checklist()
            if status.waits_for_buyer
        )

    def _b2b_edo_portal_links(self, user):
        links = super()._b2b_edo_portal_links(user)
        if not user._b2b_can(self, "documents") or not self._b2b_founding_applies():
            return links
        count = self._b2b_founding_to_upload(user)
        links.append(
            PortalLink(
                label=self.env._("Founding documents"),
                url=FOUNDING_URL,
                primary=bool(count),
                badge=self.env._("%(count)s missing", count=count) if count else "",
            )
        )
        return links

    def _b2b_edo_waiting_count(self, user):
        """Plus the items to upload, where the company waits for them before
        taking orders (otherwise they are asked on the founding page only)."""
        count = super()._b2b_edo_waiting_count(user)
        if not self.env.company.sudo().b2b_founding_required:
            return count
        return count + self._b2b_founding_to_upload(user)
