import hashlib

from odoo import api, fields, models
from odoo.exceptions import UserError

# what the workflow may do to a document that left the draft state
TRANSITIONS = {
    "draft": {"sent", "cancelled"},
    "sent": {"accepted", "rejected", "superseded", "cancelled"},
    "accepted": {"superseded"},
    "rejected": {"superseded"},
}


class B2bDocument(models.Model):
    """One document of the chain between the supplier and a legal entity:
    contracts, founding documents, invoices for payment, UPD, acts...

    Every document has one file (an attachment of this record), its SHA-256
    and a state: draft → sent (offered) → accepted / rejected, superseded by
    a new version, or cancelled. A new version is a new document linked to
    the one it replaces (``previous_id``).

    Once sent, a document is final (``b2b.edo.chained``): its file, number,
    parties and evidence cannot be changed or deleted by anyone; the state
    moves only through the methods below. Accepted documents join the
    company's hash chain.
    """

    _name = "b2b.document"
    _description = "B2B document"
    _inherit = ["mail.thread", "b2b.edo.chained"]
    _order = "date desc, id desc"
    _rec_names_search = ["number"]

    # in the reader's language ("Договор поставки № SC-…"), so not stored
    name = fields.Char(compute="_compute_name")
    document_type = fields.Selection(
        selection="_selection_document_type",
        string="Type",
        required=True,
        index=True,
        tracking=True,
    )
    number = fields.Char(readonly=True, copy=False, index="trigram")
    date = fields.Date(required=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        help="Empty for the supplier's own documents published to every entity.",
    )
    contract_id = fields.Many2one(
        "b2b.contract", index="btree_not_null", ondelete="restrict"
    )
    order_id = fields.Many2one(
        "sale.order", index="btree_not_null", ondelete="restrict"
    )
    invoice_id = fields.Many2one(
        "account.move", index="btree_not_null", ondelete="restrict"
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        index="btree_not_null",
        ondelete="restrict",
    )
    direction = fields.Selection(
        [("outgoing", "From the supplier"), ("incoming", "From the buyer")],
        required=True,
        default="outgoing",
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="File", readonly=True, copy=False, ondelete="restrict"
    )
    file_name = fields.Char(related="attachment_id.name", string="File name")
    file_sha256 = fields.Char(string="SHA-256", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
            ("superseded", "Superseded"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    reject_reason = fields.Text(copy=False, tracking=True)
    sent_date = fields.Datetime(readonly=True, copy=False)
    decided_date = fields.Datetime(
        string="Accepted / rejected on", readonly=True, copy=False
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "b2b.document",
        string="Replaces",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    next_ids = fields.One2many("b2b.document", "previous_id", string="Replaced by")
    b2b_version_ids = fields.Many2many(
        "b2b.document", string="Versions", compute="_compute_b2b_version_ids"
    )

    def _selection_document_type(self):
        """Every kind of document of the chain (a method: other addons extend
        it with ``selection_add`` on the field or by overriding this)."""
        # in the reader's language: a selection made by a method is not
        # translated by the field (a dict: Odoo's term extraction takes the
        # keys of a list of pairs for terms too)
        labels = {
            "contract": self.env._("Supply contract"),
            "amendment": self.env._("Amendment / new edition"),
            "founding": self.env._("Founding document"),
            "power_of_attorney": self.env._("Power of attorney"),
            "payment_invoice": self.env._("Invoice for payment"),
            "upd": self.env._("UPD"),
            "waybill": self.env._("Waybill"),
            "vat_invoice": self.env._("VAT invoice"),
            "reconciliation": self.env._("Reconciliation act"),
            "debt_report": self.env._("Debt report"),
            "logistics_receipt": self.env._("Logistics receipt"),
            "other": self.env._("Other"),
        }
        return list(labels.items())

    def _b2b_number_prefixes(self):
        """The number prefix of each type's sequence."""
        return {
            "contract": "SC-",
            "amendment": "AM-",
            "founding": "FD-",
            "power_of_attorney": "PA-",
            "payment_invoice": "INV-",
            "upd": "UPD-",
            "waybill": "WB-",
            "vat_invoice": "VI-",
            "reconciliation": "RA-",
            "debt_report": "DR-",
            "logistics_receipt": "LR-",
            "other": "DOC-",
        }

    @api.depends("document_type", "number", "date")
    def _compute_name(self):
        types = dict(self._fields["document_type"]._description_selection(self.env))
        for document in self:
            label = types.get(document.document_type, "")
            document.name = (
                self.env._(
                    "%(type)s No. %(number)s", type=label, number=document.number
                )
                if document.number
                else label
            )

    def _compute_b2b_version_ids(self):
        for document in self:
            document.b2b_version_ids = (
                document._b2b_versions() if document.id else document
            )

    def action_b2b_download(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }

    # -- immutability (b2b.edo.chained) ------------------------------------------
    def _b2b_locked_fields(self):
        return super()._b2b_locked_fields() | {
            "attachment_id",
            "file_sha256",
            "number",
            "document_type",
            "entity_id",
            "contract_id",
            "order_id",
            "invoice_id",
            "picking_id",
            "direction",
            "date",
            "version",
            "previous_id",
            "state",
            "reject_reason",
            "sent_date",
            "decided_date",
            "decided_by_id",
        }

    def _b2b_is_locked(self):
        self.ensure_one()
        return self.state != "draft"

    def _b2b_workflow_fields(self, vals):
        """A move of ``TRANSITIONS`` with its own fields: the decision's
        evidence only when a sent document is accepted or rejected."""
        allowed = super()._b2b_workflow_fields(vals)
        new_state = vals.get("state", self.state)
        if "state" in vals and new_state in TRANSITIONS.get(self.state, ()):
            allowed.add("state")
        if self.state == "sent" and new_state in ("accepted", "rejected"):
            allowed |= {"decided_date", "decided_by_id", "reject_reason"}
        return allowed

    def _b2b_locked_attachments(self):
        self.ensure_one()
        return self.attachment_id

    def _b2b_chain_fields(self):
        """The document's identity, parties, file and evidence; never its
        state (an accepted document superseded later stays a valid link)."""
        return [
            *super()._b2b_chain_fields(),
            "document_type",
            "number",
            "date",
            "entity_id",
            "contract_id",
            "order_id",
            "invoice_id",
            "picking_id",
            "direction",
            "version",
            "previous_id",
            "attachment_id",
            "file_sha256",
            "sent_date",
            "decided_date",
            "decided_by_id",
        ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self._b2b_in_workflow():
            for vals in vals_list:
                if vals.get("state", "draft") != "draft" or vals.get("file_sha256"):
                    raise UserError(
                        self.env._(
                            "A document starts as a draft: attach its file, then "
                            "send it."
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        workflow = self._b2b_in_workflow()
        if (
            "state" in vals
            and not workflow
            and set(self.mapped("state")) - {vals["state"]}
        ):
            raise UserError(
                self.env._(
                    "The state of a document changes only through its workflow "
                    "(send, accept, reject, cancel, new version)."
                )
            )
        if (
            "file_sha256" in vals
            and not workflow
            and set(self.mapped("file_sha256")) - {vals["file_sha256"]}
        ):
            raise UserError(self.env._("The SHA-256 is computed from the file."))
        return super().write(vals)

    # -- numbering ---------------------------------------------------------------
    def _b2b_sequence(self):
        """The sequence of this document's type and company, made on first use."""
        self.ensure_one()
        code = f"b2b.document.{self.document_type}"
        sequences = self.env["ir.sequence"].sudo()
        sequence = sequences.search(
            [("code", "=", code), ("company_id", "in", [self.company_id.id, False])],
            order="company_id",
            limit=1,
        )
        if not sequence:
            prefix = self._b2b_number_prefixes().get(self.document_type, "DOC-")
            sequence = sequences.create(
                {
                    "name": f"B2B document: {self.document_type}",
                    "code": code,
                    "prefix": prefix + "%(year)s-",
                    "padding": 5,
                    "company_id": self.company_id.id,
                }
            )
        return sequence

    def _b2b_assign_number(self):
        for document in self.filtered(lambda d: not d.number):
            document.number = document._b2b_sequence().next_by_id(document.date)

    # -- the file ----------------------------------------------------------------
    def _b2b_attach(self, content, filename, mimetype=None):
        """Store ``content`` (bytes) as this draft document's file and its
        SHA-256. Refused once the document left the draft state."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Only a draft document takes a new file."))
        values = {
            "name": filename,
            "raw": content,
            "res_model": self._name,
            "res_id": self.id,
        }
        if mimetype:
            values["mimetype"] = mimetype
        old = self.attachment_id
        self._b2b_workflow().sudo().write(
            {
                "attachment_id": self.env["ir.attachment"].sudo().create(values).id,
                "file_sha256": hashlib.sha256(content).hexdigest(),
            }
        )
        if old:
            old.sudo().unlink()
        return self.attachment_id

    # -- the workflow -----------------------------------------------------------
    def _b2b_move(self, state, **values):
        """One workflow write (the only way the state changes)."""
        self._b2b_workflow().write(dict(values, state=state))

    def action_send(self):
        """Draft → sent (offered to the buyer): numbered, its file frozen; a
        previous version becomes superseded."""
        for document in self:
            if document.state != "draft":
                raise UserError(
                    self.env._(
                        "%(document)s is not a draft.", document=document.display_name
                    )
                )
            if not document.attachment_id:
                raise UserError(
                    self.env._(
                        "%(document)s has no file to send.",
                        document=document.display_name,
                    )
                )
        self._b2b_assign_number()
        self._b2b_move("sent", sent_date=fields.Datetime.now())
        self.previous_id.filtered(
            lambda d: d.state in ("sent", "accepted", "rejected")
        )._b2b_move("superseded")
        self._b2b_on_document_sent()
        return True

    def _b2b_accept(self):
        """Sent → accepted, by the current user (who may: the caller checks)."""
        for document in self:
            if document.state != "sent":
                raise UserError(
                    self.env._(
                        "%(document)s is not waiting for acceptance.",
                        document=document.display_name,
                    )
                )
        self._b2b_move(
            "accepted",
            decided_date=fields.Datetime.now(),
            decided_by_id=self.env.user.id,
        )
        self._b2b_on_document_accepted()
        return True

    def _b2b_reject(self, reason):
        """Sent → rejected with a reason (required)."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why the document is rejected."))
        for document in self:
            if document.state != "sent":
                raise UserError(
                    self.env._(
                        "%(document)s is not waiting for a decision.",
                        document=document.display_name,
                    )
                )
        self._b2b_move(
            "rejected",
            reject_reason=reason,
            decided_date=fields.Datetime.now(),
            decided_by_id=self.env.user.id,
        )
        return True

    def action_cancel(self):
        self.filtered(lambda d: d.state in ("draft", "sent"))._b2b_move("cancelled")
        return True

    def _b2b_new_version(self, values=None):
        """A draft that will replace this document once sent."""
        self.ensure_one()
        return self.copy(
            dict(
                values or {},
                previous_id=self.id,
                version=self.version + 1,
                state="draft",
            )
        )

    def _b2b_versions(self):
        """Every version of this document, the first first (one query per
        version: a chain of editions is short)."""
        self.ensure_one()
        first = self
        while first.previous_id:
            first = first.previous_id
        versions, todo = first, first
        while todo.next_ids:
            todo = todo.next_ids
            versions |= todo
        return versions.sorted(lambda d: (d.version, d.id))

    # -- hooks ---------------------------------------------------------------------
    def _b2b_on_document_sent(self):
        """Called once after documents are sent (notifications, providers)."""

    def _b2b_on_document_accepted(self):
        """Called once after documents are accepted: they join the company's
        hash chain (then e-mails, providers: call super() first)."""
        self._b2b_chain_append()

    # -- the portal ----------------------------------------------------------------
    def _b2b_portal_url(self):
        """The document's page in the portal."""
        self.ensure_one()
        return f"/my/b2b/documents/{self.id}"

    def _b2b_portal_actions(self, user):
        """What ``user`` may do with this document in the portal, as
        ``list[PortalLink]`` (tools/portal_links.py): each part adds its own
        (accept a contract, reject an act); call super()."""
        self.ensure_one()
        return []
