import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import founding_checklist

FOUNDING_TYPES = ("founding", "power_of_attorney")


class B2bDocument(models.Model):
    """Founding documents: the buyer's uploads against the checklist (incoming,
    sent = waiting for the manager), the manager's decision, and the
    supplier's own documents published to every entity (no entity,
    outgoing, ``b2b_published``)."""

    _inherit = "b2b.document"  # pylint: disable=consider-merging-classes-inherited

    founding_item_id = fields.Many2one(
        "b2b.founding.item",
        string="Checklist item",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    b2b_published = fields.Boolean(
        string="Published to every entity",
        copy=False,
        tracking=True,
        help="The supplier's own document (no entity): every member of an "
        "entity of this company downloads it from the founding documents page.",
    )
    founding_file = fields.Binary(
        string="Upload a file",
        compute="_compute_founding_file",
        inverse="_inverse_founding_file",
        help="PDF, JPEG or PNG up to 20 MB; taken while the document is a draft.",
    )
    founding_file_name = fields.Char(
        compute="_compute_founding_file", inverse="_inverse_founding_file"
    )

    def _compute_founding_file(self):
        for document in self:
            document.founding_file = False
            document.founding_file_name = False

    def _inverse_founding_file(self):
        for document in self.filtered("founding_file"):
            content = base64.b64decode(document.founding_file)
            name = document.founding_file_name or "document.pdf"
            check = self.env["ir.attachment"]._b2b_check_upload(name, content)
            document._b2b_attach(content, name, check.mimetype)

    # -- the checklist of an entity --------------------------------------------
    @api.model
    def _b2b_founding_statuses(self, entity, items):
        """``list[ItemStatus]`` of ``items`` for ``entity``, in one search."""
        documents = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("entity_id", "=", entity.id),
                    ("founding_item_id", "in", items.ids),
                    ("direction", "=", "incoming"),
                ],
                ["founding_item_id", "state", "version", "reject_reason"],
            )
        )
        return founding_checklist.item_statuses(
            [(item.id, item.required) for item in items],
            [
                (d.founding_item_id.id, d.id, d.state, d.version, d.reject_reason)
                for d in documents
            ],
        )

    @api.model
    def _b2b_founding_upload(self, entity, item, filename, content):
        """Send the buyer's file ``content`` for checklist ``item`` of
        ``entity``: a new incoming document waiting for the manager (a new
        version of a rejected one). The caller checked that the user may
        upload for ``entity`` (role ``founding_upload``); the file is checked
        here, before anything is stored."""
        items = self.env["b2b.founding.item"]._b2b_items_for(entity)
        if item not in items:
            raise UserError(self.env._("Choose a document of the checklist."))
        status = self._b2b_founding_statuses(entity, item)[0]
        if not status.can_upload:
            raise UserError(
                self.env._(
                    "%(item)s is already with the supplier: wait for its decision.",
                    item=item.name,
                )
                if status.status == founding_checklist.WAITING
                else self.env._("%(item)s is already accepted.", item=item.name)
            )
        check = self.env["ir.attachment"]._b2b_check_upload(filename, content)
        if status.document_id:
            document = (
                self.sudo()
                .browse(status.document_id)
                ._b2b_new_version({"date": fields.Date.context_today(self)})
            )
        else:
            document = self.sudo().create(
                {
                    "document_type": item.document_type,
                    "entity_id": entity.id,
                    "direction": "incoming",
                    "founding_item_id": item.id,
                }
            )
        document._b2b_attach(content, filename, check.mimetype)
        document.action_send()
        return document.sudo(False)

    # -- the manager's decision ----------------------------------------------------
    def _b2b_founding_check_decidable(self):
        for document in self:
            if not (
                document.founding_item_id
                and document.direction == "incoming"
                and document.state == "sent"
            ):
                raise UserError(
                    self.env._(
                        "%(document)s is not a founding document waiting for a "
                        "decision.",
                        document=document.display_name,
                    )
                )

    def action_b2b_founding_accept(self):
        self._b2b_founding_check_decidable()
        self._b2b_accept()
        self._b2b_founding_notify()
        return True

    def action_b2b_founding_reject(self):
        self._b2b_founding_check_decidable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject"),
            "res_model": "b2b.founding.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_document_ids": self.ids},
        }

    def _b2b_founding_reject(self, reason):
        self._b2b_founding_check_decidable()
        self._b2b_reject(reason)
        self._b2b_founding_notify()
        return True

    def _b2b_founding_recipients(self):
        """Who hears of the decision: the buyer who uploaded the file and the
        entity's members who upload founding documents."""
        self.ensure_one()
        members = self.entity_id.sudo().b2b_membership_ids.filtered("active")
        uploaders = members.user_id.filtered(
            lambda u: u._b2b_can(self.entity_id, "founding_upload")
        )
        return (self.create_uid.filtered("share") | uploaders).partner_id

    def _b2b_founding_notify(self):
        """E-mail the decision to the buyers, in the entity's language."""
        for document in self:
            partners = document._b2b_founding_recipients()
            if not partners:
                continue
            lang = document.entity_id.lang or partners[:1].lang
            document = document.with_context(lang=lang)
            item = document.founding_item_id.with_context(lang=lang).name
            if document.state == "accepted":
                body = document.env._(
                    "%(entity)s: the supplier accepted the founding document "
                    "“%(item)s”.",
                    entity=document.entity_id.name,
                    item=item,
                )
            else:
                body = document.env._(
                    "%(entity)s: the supplier rejected the founding document "
                    "“%(item)s”: %(reason)s. Upload a corrected file on the "
                    "founding documents page.",
                    entity=document.entity_id.name,
                    item=item,
                    reason=document.reject_reason,
                )
            document.sudo().message_post(
                body=body,
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )

    # -- the supplier's own documents ---------------------------------------------
    def _b2b_check_publishable(self):
        for document in self:
            if document.entity_id or document.direction != "outgoing":
                raise UserError(
                    self.env._(
                        "Only the supplier's own documents (no legal entity, "
                        "from the supplier) are published to every entity."
                    )
                )

    def action_b2b_publish(self):
        self._b2b_check_publishable()
        # the flag first: a sent document's own fields are frozen
        self.write({"b2b_published": True})
        self.filtered(lambda d: d.state == "draft").action_send()
        return True

    def action_b2b_unpublish(self):
        self.write({"b2b_published": False})
        return True

    @api.model
    def _b2b_published_documents(self):
        """The supplier's published documents the current user reads (the
        portal record rule: members of an entity of the company)."""
        return self.search(
            [
                ("entity_id", "=", False),
                ("b2b_published", "=", True),
                ("state", "in", ["sent", "accepted"]),
            ]
        )
