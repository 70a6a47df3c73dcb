# res_partner.py holds the entity itself: the messages to its manager live
# here
# pylint: disable=consider-merging-classes-inherited
from odoo import models
from odoo.exceptions import AccessError, UserError
from odoo.tools import plaintext2html

MAX_MESSAGE_LENGTH = 5000


class ResPartner(models.Model):
    """Messages between the buyers of an entity and their manager, on the
    entity's chatter."""

    _inherit = "res.partner"

    def _b2b_manager_messages_domain(self):
        """Messages buyers and the supplier exchange on this entity's chatter:
        comments only, never internal notes or logged changes."""
        self.ensure_one()
        return [
            ("model", "=", "res.partner"),
            ("res_id", "=", self.id),
            ("message_type", "=", "comment"),
            ("subtype_id", "=", self.env.ref("mail.mt_comment").id),
            ("is_internal", "=", False),
        ]

    def _b2b_check_member(self):
        self.ensure_one()
        if not self.env.su and self not in self.env.user._b2b_entities():
            raise AccessError(self.env._("You are not a member of this legal entity."))

    def _b2b_manager_messages(self, limit=10):
        """The latest messages of the thread, newest first, for a member of
        this entity: buyers may not read mail.message of partners, the read
        is sudo and filtered after the membership check."""
        self._b2b_check_member()
        return (
            self.env["mail.message"]
            .sudo()
            .search(self._b2b_manager_messages_domain(), order="id desc", limit=limit)
        )

    def _b2b_post_to_manager(self, text):
        """Post ``text`` of the current user, a member of this entity, on the
        entity's chatter, to its salesperson."""
        self._b2b_check_member()
        text = (text or "").strip()
        if not text:
            raise UserError(self.env._("Write a message before sending it."))
        if len(text) > MAX_MESSAGE_LENGTH:
            raise UserError(
                self.env._(
                    "The message is too long: %(length)s characters, at most %(max)s.",
                    length=len(text),
                    max=MAX_MESSAGE_LENGTH,
                )
            )
        entity = self.sudo()
        manager = entity.user_id
        if not manager:
            raise UserError(
                self.env._(
                    "%(entity)s has no manager yet: the message cannot be sent.",
                    entity=entity.display_name,
                )
            )
        # buyers may not post on partners: narrow post after the caller's check
        return entity.message_post(
            body=plaintext2html(text),
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=manager.partner_id.ids,
        )
