from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_amount, format_date

from ..tools import reconciliation as recon
from ..tools.portal_links import PortalLink
from ..tools.recon_xlsx import act_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ACT_REPORT = "b2b_edo.action_report_reconciliation_act"


class B2bDocument(models.Model):
    """Reconciliation acts (акт сверки) on demand: one structure computed
    from the entity's receivable move lines (tools/reconciliation.py),
    printed as a QWeb PDF (the document's file) and an XLSX beside it."""

    _inherit = "b2b.document"  # pylint: disable=consider-merging-classes-inherited

    period_start = fields.Date(readonly=True, copy=False)
    period_end = fields.Date(readonly=True, copy=False)
    xlsx_attachment_id = fields.Many2one(
        "ir.attachment", string="XLSX file", readonly=True, copy=False
    )

    def _b2b_locked_fields(self):
        """An act's period and its XLSX are as final as its PDF."""
        return super()._b2b_locked_fields() | {
            "period_start",
            "period_end",
            "xlsx_attachment_id",
        }

    def _b2b_locked_attachments(self):
        return super()._b2b_locked_attachments() | self.xlsx_attachment_id

    # -- the balance engine ----------------------------------------------------------
    @api.model
    def _b2b_receivable_domain(self, entity, company):
        """The entity's receivable move lines in the books of ``company``:
        posted, on a receivable account, of the entity or its contacts."""
        return [
            ("company_id", "=", company.id),
            ("parent_state", "=", "posted"),
            ("account_id.account_type", "=", "asset_receivable"),
            ("partner_id.commercial_partner_id", "=", entity.id),
        ]

    @api.model
    def _b2b_recon_compute(self, entity, company, date_from, date_to):
        """The act of ``entity`` with ``company`` for the period, in a fixed
        number of queries whatever the number of lines: the opening balance
        in one sum, the period in one group per accounting document."""
        Line = self.env["account.move.line"].sudo()
        domain = self._b2b_receivable_domain(entity, company)
        [(opening,)] = Line._read_group(
            [*domain, ("date", "<", date_from)], aggregates=["balance:sum"]
        )
        # one row per accounting document, its net amount on the debit or the
        # credit side: with storno accounting (Russian companies) a refund
        # is a negative debit, which an act prints as a credit
        groups = Line._read_group(
            [*domain, ("date", ">=", date_from), ("date", "<=", date_to)],
            # the name and the type in the same query: no read of the moves
            groupby=["move_id", "move_name", "move_id.move_type"],
            aggregates=["date:min", "balance:sum"],
        )
        rows = [
            (
                date,
                recon.move_kind(move_type, max(balance, 0), max(-balance, 0)),
                name,
                max(balance, 0),
                max(-balance, 0),
            )
            for _move, name, move_type, date, balance in sorted(
                groups, key=lambda group: (group[3], group[1])
            )
        ]
        supplier, buyer = company.partner_id, entity
        return recon.build_act(
            recon.Party(supplier.name, supplier.vat or "", supplier.b2b_kpp or ""),
            recon.Party(buyer.name, buyer.vat or "", buyer.b2b_kpp or ""),
            date_from,
            date_to,
            company.currency_id.name,
            opening,
            rows,
        )

    def _b2b_recon_act(self):
        """This act's structure, recomputed from its period (a reprint)."""
        self.ensure_one()
        return self._b2b_recon_compute(
            self.entity_id, self.company_id, self.period_start, self.period_end
        )

    # -- texts -----------------------------------------------------------------------
    @api.model
    def _b2b_recon_labels(self, act, company):
        """Every text the act prints, in the environment's language: one
        dict for the PDF and the XLSX."""
        currency = company.currency_id

        def day(value):
            return format_date(self.env, value)

        closing_date = day(act.date_to)
        if act.creditor:
            creditor = act.supplier if act.creditor == "supplier" else act.buyer
            conclusion = self.env._(
                "According to %(supplier)s, on %(date)s the debt in favour of "
                "%(creditor)s is %(amount)s.",
                supplier=act.supplier.name,
                date=closing_date,
                creditor=creditor.name,
                amount=format_amount(self.env, float(abs(act.closing)), currency),
            )
        else:
            conclusion = self.env._(
                "According to %(supplier)s, on %(date)s there is no debt.",
                supplier=act.supplier.name,
                date=closing_date,
            )
        return {
            "sheet": self.env._("Reconciliation act"),
            "title": self.env._("Reconciliation act"),
            "period": self.env._(
                "of mutual settlements from %(start)s to %(end)s between "
                "%(supplier)s and %(buyer)s",
                start=day(act.date_from),
                end=closing_date,
                supplier=act.supplier.name,
                buyer=act.buyer.name,
            ),
            "supplier_side": self.env._(
                "According to %(party)s", party=act.supplier.name
            ),
            "buyer_side": self.env._("According to %(party)s", party=act.buyer.name),
            "date": self.env._("Date"),
            "document": self.env._("Document"),
            "debit": self.env._("Debit"),
            "credit": self.env._("Credit"),
            "opening": self.env._("Opening balance"),
            "turnover": self.env._("Turnover for the period"),
            "closing": self.env._("Closing balance"),
            "conclusion": conclusion,
            "sign_supplier": self.env._(
                "On behalf of %(party)s", party=act.supplier.name
            ),
            "sign_buyer": self.env._("On behalf of %(party)s", party=act.buyer.name),
            "kinds": {
                "sale": self.env._("Sale"),
                "refund": self.env._("Refund"),
                "payment": self.env._("Payment"),
                "other": self.env._("Operation"),
            },
        }

    # -- the document ------------------------------------------------------------------
    @api.model
    def _b2b_recon_create(self, entity, date_from, date_to, company=None):
        """A reconciliation act of ``entity`` for the period, sent to it at
        once: its PDF and XLSX rendered from one structure. The caller
        checked who asks (the portal: a member with "documents")."""
        if not entity._b2b_is_entity():
            raise UserError(self.env._("Reconciliation acts are for legal entities."))
        if date_to < date_from:
            raise UserError(self.env._("The period ends before it starts."))
        contract = entity._b2b_default_contract()
        company = company or contract.company_id or self.env.company
        document = self.with_context(lang=entity.lang or self.env.lang)
        act = document._b2b_recon_compute(entity, company, date_from, date_to)
        act_document = document.create(
            {
                "document_type": "reconciliation",
                "entity_id": entity.id,
                "company_id": company.id,
                "contract_id": contract.id,
                "period_start": date_from,
                "period_end": date_to,
            }
        )
        act_document._b2b_report_files(
            ACT_REPORT,
            {"act": act, "labels": act_document._b2b_recon_labels(act, company)},
            f"reconciliation_{entity.vat or entity.id}_{date_from}_{date_to}",
            act_xlsx,
        )
        act_document.action_send()
        return act_document

    def _b2b_report_files(self, report_ref, values, basename, xlsx_builder):
        """Render ``values`` (the structure and its labels, computed once)
        as the document's PDF and its XLSX companion."""
        self.ensure_one()
        pdf, _kind = (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(report_ref, self.ids, data={"b2b_values": values})
        )
        self._b2b_attach(pdf, f"{basename}.pdf", "application/pdf")
        first = next(iter(values.values()))
        xlsx = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{basename}.xlsx",
                    "raw": xlsx_builder(first, values["labels"]),
                    "mimetype": XLSX,
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        self.sudo().xlsx_attachment_id = xlsx

    # -- the buyer's decision --------------------------------------------------------
    def _b2b_reject(self, reason):
        result = super()._b2b_reject(reason)
        self.filtered(
            lambda d: d.document_type == "reconciliation"
        )._b2b_recon_notify_rejection()
        return result

    def _b2b_recon_notify_rejection(self):
        """The buyer disagrees: the entity's salesperson (or a B2B manager)
        gets an activity with the comment, the act's chatter keeps it."""
        managers = self.env.ref("b2b_portal.group_b2b_manager").sudo().user_ids
        for document in self.sudo():
            entity = document.entity_id
            user = entity.user_id or managers.filtered(lambda u: not u.share)[:1]
            summary = self.env._(
                "%(entity)s disputes %(act)s",
                entity=entity.name,
                act=document.display_name,
            )
            note = self.env._(
                "%(who)s rejected the reconciliation act for %(start)s – %(end)s: "
                "%(reason)s",
                who=document.decided_by_id.name,
                start=format_date(self.env, document.period_start),
                end=format_date(self.env, document.period_end),
                reason=document.reject_reason,
            )
            document.message_post(body=note, subtype_xmlid="mail.mt_note")
            if user:
                entity.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=summary,
                    note=note,
                )

    # -- the portal --------------------------------------------------------------------
    def _b2b_portal_actions(self, user):
        links = super()._b2b_portal_actions(user)
        if self.document_type not in ("reconciliation", "debt_report"):
            return links
        base = f"/my/b2b/documents/report/{self.id}"
        links = [*links, PortalLink(self.env._("Download PDF"), f"{base}/pdf")]
        if self.xlsx_attachment_id:
            links.append(PortalLink(self.env._("Download XLSX"), f"{base}/xlsx"))
        if (
            self.document_type == "reconciliation"
            and self.state == "sent"
            and user._b2b_can(self.entity_id, "reconcile")
        ):
            act = f"/my/b2b/documents/reconciliation/{self.id}"
            links += [
                PortalLink(
                    self.env._("Accept"), f"{act}/accept", primary=True, method="post"
                ),
                PortalLink(self.env._("Reject"), f"{act}/reject"),
            ]
        return links
