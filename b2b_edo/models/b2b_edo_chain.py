import heapq

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import edo_chain

# The workflow's own writes carry this object in their context: a JSON call
# (/json/2, /web/dataset/call_kw) cannot forge it, whatever context it sends.
WORKFLOW = object()
VERIFY_BATCH = 5000


class B2bEdoChained(models.AbstractModel):
    """A final record of the B2B documents (an accepted document, an
    acceptance record): immutable once locked, and a link of its company's
    hash chain.

    Immutability: once ``_b2b_is_locked()``, the fields of
    ``_b2b_locked_fields()`` cannot be written and the record cannot be
    deleted, by anyone (managers, ``sudo()``, RPC); only the model's own
    workflow, writing through ``_b2b_workflow()``, may set what
    ``_b2b_workflow_fields(vals)`` allows. The files of
    ``_b2b_locked_attachments()`` are guarded the same way
    (models/ir_attachment.py).

    The chain: each link's hash is SHA-256 of the previous link's hash and
    the record's payload (the columns of ``_b2b_chain_fields()``), as
    ``account.move``'s inalterability hash does. One chain per company across
    every model that inherits this mixin, ordered by ``b2b_chain_index``;
    ``b2b.edo.chain.head`` keeps its length and last hash.
    """

    _name = "b2b.edo.chained"
    _description = "B2B final record (immutable, hash-chained)"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    b2b_chain_index = fields.Integer(
        string="Chain position", readonly=True, copy=False, index="btree_not_null"
    )
    b2b_chain_hash = fields.Char(string="Chain hash", readonly=True, copy=False)
    b2b_chain_status = fields.Char(
        string="Chain status", compute="_compute_b2b_chain_status"
    )

    def _compute_b2b_chain_status(self):
        """This record's own link, recomputed from the link before it."""
        for record in self:
            if not record.id or not record.b2b_chain_index:
                record.b2b_chain_status = self.env._("Not in the chain")
                continue
            previous = record._b2b_chain_hash_at(record.b2b_chain_index - 1)
            digest = edo_chain.link_hash(previous, record._b2b_chain_payload())
            record.b2b_chain_status = (
                self.env._("Link %(position)s: intact", position=record.b2b_chain_index)
                if digest == record.b2b_chain_hash
                else self.env._(
                    "Link %(position)s: BROKEN (its data or hash were changed)",
                    position=record.b2b_chain_index,
                )
            )

    # -- what is locked (extend with super()) ------------------------------------
    def _b2b_locked_fields(self):
        """The fields nobody may write once the record is locked."""
        return {"company_id", "b2b_chain_index", "b2b_chain_hash"}

    def _b2b_is_locked(self):
        """Whether this record is final (by default: as soon as it exists)."""
        self.ensure_one()
        return True

    def _b2b_workflow_fields(self, vals):
        """Which locked fields of this locked record the workflow may write
        with ``vals``: the chain's, once, when it joins the chain."""
        self.ensure_one()
        if self.b2b_chain_hash:
            return set()
        return {"b2b_chain_index", "b2b_chain_hash"}

    def _b2b_locked_attachments(self):
        """The attachments that are part of this locked record (its file)."""
        self.ensure_one()
        return self.env["ir.attachment"]

    def _b2b_workflow(self):
        """``self`` for one write of the workflow (never hand it on)."""
        return self.with_context(b2b_edo_workflow=WORKFLOW)

    def _b2b_in_workflow(self):
        return self.env.context.get("b2b_edo_workflow") is WORKFLOW

    # -- the guard -------------------------------------------------------------------
    def _b2b_check_write(self, vals):
        touched = set(vals) & self._b2b_locked_fields()
        if not touched:
            return
        workflow = self._b2b_in_workflow()
        for record in self.sudo():
            if not record._b2b_is_locked():
                continue
            allowed = record._b2b_workflow_fields(vals) if workflow else set()
            forbidden = {
                name
                for name in touched - allowed
                if not record._b2b_same_value(name, vals[name])
            }
            if forbidden:
                raise UserError(
                    self.env._(
                        "%(record)s is final: %(fields)s cannot be changed. Make a "
                        "new version instead.",
                        record=record.display_name,
                        fields=", ".join(
                            sorted(self._fields[name].string for name in forbidden)
                        ),
                    )
                )

    def _b2b_same_value(self, name, value):
        """Whether writing ``value`` to ``name`` would leave it as it is (a
        write repeating a final value is harmless)."""
        field = self._fields[name]
        try:
            new = field.convert_to_record(field.convert_to_cache(value, self), self)
        except (TypeError, ValueError):
            return False
        return new == self[name]

    @api.model_create_multi
    def create(self, vals_list):
        if not self._b2b_in_workflow():
            for vals in vals_list:
                if vals.get("b2b_chain_index") or vals.get("b2b_chain_hash"):
                    raise UserError(
                        self.env._("A record joins the hash chain only when final.")
                    )
        return super().create(vals_list)

    def write(self, vals):
        self._b2b_check_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        for record in self.sudo():
            if record._b2b_is_locked():
                raise UserError(
                    self.env._(
                        "%(record)s is final and cannot be deleted.",
                        record=record.display_name,
                    )
                )

    # -- the chain -------------------------------------------------------------------
    def _b2b_chain_fields(self):
        """The stored columns a link's hash covers, in a fixed order (simple
        columns only: many2one ids, numbers, text, dates). Extend with care:
        a field added later changes the payload of the links made before."""
        return ["company_id"]

    @api.model
    def _b2b_chained_models(self):
        """Every model with a table that inherits this mixin."""
        registry = self.env.registry
        return [
            name
            for name in registry.descendants([self._name], "_inherit")
            if not registry[name]._abstract and registry[name]._auto
        ]

    def _b2b_chain_rows(self, where, batch=None):
        """``(position, model, id, hash, payload)`` of this model's rows
        matching the SQL condition ``where``, in position order."""
        columns = self._b2b_chain_fields()
        query = SQL(
            "SELECT id, b2b_chain_index, b2b_chain_hash, %s FROM %s WHERE %s "
            "ORDER BY b2b_chain_index, id %s",
            SQL(", ").join(SQL.identifier(column) for column in columns),
            SQL.identifier(self._table),
            where,
            SQL("LIMIT %s", batch) if batch else SQL(),
        )
        for row in self.env.execute_query(query):
            payload = edo_chain.payload_text(
                self._name, row[0], list(zip(columns, row[3:], strict=True))
            )
            yield edo_chain.Link(row[1], self._name, row[0], row[2] or "", payload)

    def _b2b_chain_payload(self):
        """What this record's link covers, as text (read from the database,
        as the verification reads it)."""
        self.ensure_one()
        self.flush_recordset()
        (link,) = self._b2b_chain_rows(SQL("id = %s", self.id))
        return link.payload

    def _b2b_chain_hash_at(self, position):
        """The stored hash of the link at ``position`` of this record's
        company chain ("" before the first)."""
        self.ensure_one()
        if position < 1:
            return edo_chain.GENESIS
        for model in self._b2b_chained_models():
            rows = self.env.execute_query(
                SQL(
                    "SELECT b2b_chain_hash FROM %s WHERE company_id = %s "
                    "AND b2b_chain_index = %s LIMIT 1",
                    SQL.identifier(self.env[model]._table),
                    self.company_id.id,
                    position,
                )
            )
            if rows:
                return rows[0][0] or edo_chain.GENESIS
        return edo_chain.GENESIS

    def _b2b_chain_append(self):
        """Give each record of ``self`` not yet in the chain the next position
        of its company's chain and its hash, under the company's lock."""
        Head = self.env["b2b.edo.chain.head"].sudo()
        for company, records in self.grouped("company_id").items():
            head = Head._b2b_lock(company)
            length, last = head.link_count, head.last_hash or edo_chain.GENESIS
            for record in records.sorted("id"):
                if record.b2b_chain_hash:
                    continue
                digest = edo_chain.link_hash(last, record._b2b_chain_payload())
                length += 1
                record._b2b_workflow().sudo().write(
                    {"b2b_chain_index": length, "b2b_chain_hash": digest}
                )
                last = digest
            head.write({"link_count": length, "last_hash": last})

    @api.model
    def _b2b_chain_links(self, company):
        """Every link of ``company``'s chain in position order, read from the
        database in batches (one query per model and batch)."""
        self.env.flush_all()

        def rows(model):
            Model = self.env[model]
            position = 0
            while True:
                links = list(
                    Model._b2b_chain_rows(
                        SQL(
                            "company_id = %s AND b2b_chain_index > %s",
                            company.id,
                            position,
                        ),
                        VERIFY_BATCH,
                    )
                )
                yield from links
                if len(links) < VERIFY_BATCH:
                    return
                position = links[-1].position

        return heapq.merge(
            *(rows(model) for model in self._b2b_chained_models()),
            key=lambda link: link.position,
        )

    @api.model
    def _b2b_chain_verify(self, company):
        """Recompute ``company``'s chain: ``(links, edo_chain.Break or None)``."""
        head = (
            self.env["b2b.edo.chain.head"]
            .sudo()
            .search([("company_id", "=", company.id)], limit=1)
        )
        return edo_chain.first_break(
            self._b2b_chain_links(company), head.link_count, head.last_hash
        )

    @api.model
    def _b2b_chain_report(self, company):
        """The verification's result as one translated sentence."""
        count, broken = self._b2b_chain_verify(company)
        if not broken:
            return True, self.env._(
                "%(company)s: the chain is intact, %(count)s links.",
                company=company.name,
                count=count,
            )
        reasons = {
            "hash": self.env._("its data or its hash were changed"),
            "gap": self.env._("the link is missing"),
            "duplicate": self.env._("two links share the position"),
            "head": self.env._("links were removed from the end of the chain"),
        }
        record = broken.model and self.env[broken.model].browse(broken.record_id)
        return False, self.env._(
            "%(company)s: the chain is broken at link %(position)s (%(record)s): "
            "%(reason)s.",
            company=company.name,
            position=broken.position,
            record=(record and record.exists() and record.sudo().display_name)
            or broken.model
            or "-",
            reason=reasons[broken.reason],
        )

    def action_b2b_verify_chain(self):
        """Back office: verify the chain of every company of the user."""
        messages, intact = [], True
        for company in self.env.companies:
            ok, message = self._b2b_chain_report(company)
            intact &= ok
            messages.append(message)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Verify integrity"),
                "message": "\n".join(messages),
                "type": "success" if intact else "danger",
                "sticky": not intact,
            },
        }


class B2bEdoChainHead(models.Model):
    """The end of a company's chain: its length and last hash (a removed
    last link shows here), and the row whose lock orders the appends."""

    _name = "b2b.edo.chain.head"
    _description = "B2B hash chain head"

    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    link_count = fields.Integer(string="Links", readonly=True)
    last_hash = fields.Char(readonly=True)

    _company_uniq = models.Constraint("UNIQUE(company_id)", "One chain per company.")

    @api.model
    def _b2b_lock(self, company):
        """The head of ``company``'s chain, locked until the transaction ends.

        The company row is updated (to itself), not only selected FOR UPDATE:
        under REPEATABLE READ a second transaction appending at the same time
        waits for the first, then fails to serialize and is retried by Odoo
        with a fresh snapshot, so two links never share a position."""
        self.env.execute_query(
            SQL(
                "UPDATE res_company SET write_date = write_date WHERE id = %s",
                company.id,
            )
        )
        head = self.search([("company_id", "=", company.id)], limit=1)
        return head or self.create({"company_id": company.id})
