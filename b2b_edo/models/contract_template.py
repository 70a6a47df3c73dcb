from types import SimpleNamespace

from lxml import html

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date

from ..tools import contract_template


class B2bContractTemplate(models.Model):
    """The text of the supply contract, a QWeb fragment a B2B Manager edits.

    Versioned: once a version was offered (a document was made from it),
    changing its body makes a new version and archives the old one, which
    stays for the documents made from it."""

    _name = "b2b.contract.template"
    _description = "Supply contract template"
    _order = "company_id, name, version desc"

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    body = fields.Text(
        required=True,
        help='QWeb: <t t-out="entity.name"/>, <t t-if="contract.credit_limit">…'
        "</t>. Placeholders: supplier.* and entity.* (name, inn, kpp, ogrn, "
        "address, bank_name, bic, bank_account, corr_account, signatory_name, "
        "signatory_position), contract.* (number, date, payment_term, "
        "delivery_terms, credit_limit, currency, date_start, date_end, validity).",
    )
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "b2b.contract.template", string="Previous version", readonly=True, copy=False
    )
    active = fields.Boolean(default=True)
    document_ids = fields.One2many(
        "b2b.document", "contract_template_id", string="Documents"
    )
    document_count = fields.Integer(compute="_compute_document_count")

    def _compute_document_count(self):
        counts = dict(
            self.env["b2b.document"]._read_group(
                [("contract_template_id", "in", self.ids)],
                ["contract_template_id"],
                ["__count"],
            )
        )
        for template in self:
            template.document_count = counts.get(template, 0)

    @api.constrains("body")
    def _check_body(self):
        for template in self:
            template._b2b_check_body()

    def write(self, vals):
        """A template already offered keeps its body: a new version takes
        the change and this one is archived (its documents keep it)."""
        if "body" not in vals:
            return super().write(vals)
        Document = self.env["b2b.document"].sudo()
        offered = self.filtered(
            lambda t: t.body != vals["body"]
            and Document.search_count([("contract_template_id", "=", t.id)], limit=1)
        )
        for template in offered:
            template.copy(
                dict(vals, version=template.version + 1, previous_id=template.id)
            )
        super(B2bContractTemplate, offered).write({"active": False})
        return super(B2bContractTemplate, self - offered).write(vals)

    def _compute_display_name(self):
        for template in self:
            template.display_name = self.env._(
                "%(name)s (v%(version)s)", name=template.name, version=template.version
            )

    # -- checks and rendering ----------------------------------------------------
    def _b2b_error_messages(self):
        return {
            "syntax": self.env._("The template is not valid QWeb: %(detail)s"),
            "directive": self.env._(
                "The template uses %(detail)s, which contract templates do not "
                "allow (only t-out, t-if, t-elif, t-else, t-foreach, t-set, "
                "t-att and t-attf)."
            ),
            "expression": self.env._(
                "The expression “%(detail)s” is not allowed in a contract "
                "template: use placeholders such as entity.name."
            ),
            "placeholder": self.env._(
                "Unknown placeholder “%(detail)s” in the contract template."
            ),
        }

    def _b2b_check_body(self):
        self.ensure_one()
        errors = contract_template.check_template(self.body)
        if errors:
            messages = self._b2b_error_messages()
            raise UserError(
                "\n".join(
                    messages[error.code] % {"detail": error.detail} for error in errors
                )
            )

    @api.model
    def _b2b_for_company(self, company):
        """The current (active, latest) template of ``company``; empty if the
        company has not configured any: then no contract is generated."""
        return self.search(
            [("company_id", "=", company.id)], order="version desc, id desc", limit=1
        )

    def _b2b_party(
        self, partner, bank, signatory_name, signatory_position, address=None
    ):
        if address is None:
            address = partner._b2b_requisites_address()
        return SimpleNamespace(
            name=partner.name or "",
            inn=partner.vat or "",
            kpp=partner.b2b_kpp or "",
            ogrn=partner.company_registry or "",
            address=address,
            bank_name=bank.bank_id.name or "",
            bic=bank.bank_id.bic or "",
            bank_account=bank.acc_number or "",
            corr_account=bank.bank_id.b2b_corr_account or "",
            signatory_name=signatory_name or "",
            signatory_position=signatory_position or "",
        )

    def _b2b_values(self, contract):
        """The placeholders' values for ``contract`` (see
        tools/contract_template.py), as text; refused when a requisite the
        contract needs is missing."""
        self.ensure_one()
        entity = contract.entity_id.sudo()
        company = contract.company_id.sudo()
        missing = []
        if not entity.vat:
            missing.append(self.env._("the INN of %(name)s", name=entity.name))
        if not entity.bank_ids:
            missing.append(self.env._("a bank account of %(name)s", name=entity.name))
        if not company.vat:
            missing.append(self.env._("the INN of %(name)s", name=company.name))
        if not company.partner_id.bank_ids:
            missing.append(self.env._("a bank account of %(name)s", name=company.name))
        if missing:
            raise UserError(
                self.env._(
                    "The contract cannot be made: %(missing)s is missing.",
                    missing=", ".join(missing),
                )
            )
        env = self.env
        requisites = company._b2b_requisites()  # b2b_portal: as invoices print it
        date_start = (
            format_date(env, contract.date_start) if contract.date_start else ""
        )
        date_end = format_date(env, contract.date_end) if contract.date_end else ""
        if date_end:
            validity = env._(
                "from %(start)s until %(end)s",
                start=date_start or format_date(env, contract.date),
                end=date_end,
            )
        else:
            validity = env._("indefinitely")
        return {
            "supplier": self._b2b_party(
                company.partner_id,
                requisites["bank"],
                company.b2b_director_name,
                company.b2b_director_title,
                address=requisites["address"],
            ),
            "entity": self._b2b_party(
                entity,
                entity.bank_ids[:1],
                entity.b2b_signatory_name,
                entity.b2b_signatory_position,
            ),
            "contract": SimpleNamespace(
                number=contract.name or "",
                date=format_date(env, contract.date),
                payment_term=contract.payment_term_id.name or "",
                delivery_terms=contract.delivery_terms or "",
                credit_limit=format_amount(
                    env, contract.credit_limit, contract.currency_id
                )
                if contract.credit_limit
                else "",
                currency=contract.currency_id.name or "",
                date_start=date_start,
                date_end=date_end,
                validity=validity,
            ),
        }

    def _b2b_render(self, contract):
        """The contract's HTML (Markup) from this template: placeholders
        checked first, a rendering error told to the manager."""
        self.ensure_one()
        self._b2b_check_body()
        values = self._b2b_values(contract)
        try:
            return self.env["ir.qweb"]._render(
                html.fragment_fromstring(self.body, create_parent="div"), values
            )
        except Exception as error:  # noqa: BLE001 - any rendering error is the template's
            raise UserError(
                self.env._(
                    "The contract template %(template)s fails to render: %(error)s",
                    template=self.display_name,
                    error=error,
                )
            ) from error
