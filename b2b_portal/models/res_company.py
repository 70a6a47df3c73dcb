from odoo import api, fields, models

SIGNUP_COMPANY_PARAM = "b2b_portal.signup_company_id"


class ResCompany(models.Model):
    """The supplier: what new customers get (sign-up company, default group
    and contract) and the requisites a Russian invoice carries (KPP, kept on
    its partner as for buyers; head and chief accountant)."""

    _inherit = "res.company"

    b2b_kpp = fields.Char(related="partner_id.b2b_kpp", readonly=False)
    b2b_director_title = fields.Char(
        string="Head's position", translate=True, default="Director"
    )
    b2b_director_name = fields.Char(string="Head")
    b2b_accountant_name = fields.Char(string="Chief accountant")

    b2b_default_category_id = fields.Many2one(
        "res.partner.category",
        string="Customer group of new entities",
        help="Given to a legal entity of no customer group when a B2B manager "
        "approves it: its catalog sections and its price type follow.",
    )
    b2b_contract_on_approval = fields.Boolean(
        string="Contract on approval",
        default=True,
        help="A legal entity without a valid contract gets an active default "
        "contract when it is approved, so that its buyers can order at once.",
    )
    b2b_contract_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Contract numbers",
        help="Numbers of the contracts made on approval. Empty: the B2B "
        "contract sequence.",
    )
    b2b_contract_payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Payment terms of new contracts",
    )
    b2b_contract_delivery_terms = fields.Text(
        string="Delivery terms of new contracts",
        help="Copied to the contracts made on approval; shown to the buyer.",
    )
    b2b_stock_policy = fields.Selection(
        [
            ("allow", "Order beyond the free stock"),
            ("free", "Not more than the free stock"),
        ],
        string="Stock policy",
        default="allow",
        required=True,
        help="Whether buyers may order more than the free stock (the rest "
        "is a pre-order) or only up to it.",
    )

    @api.model
    def _b2b_signup_company(self):
        """The supplier company visitors who sign up belong to (B2B settings);
        empty if none is set, and Odoo's rule applies (the company of the
        portal template user)."""
        value = self.env["ir.config_parameter"].sudo().get_param(SIGNUP_COMPANY_PARAM)
        if not (value or "").isdigit():
            return self.browse()
        return self.sudo().browse(int(value)).exists()

    def _b2b_next_contract_number(self):
        """A new number for a contract made on approval."""
        self.ensure_one()
        Sequence = self.env["ir.sequence"].sudo().with_company(self)
        if self.b2b_contract_sequence_id:
            return self.b2b_contract_sequence_id.sudo().next_by_id()
        return Sequence.next_by_code("b2b.contract")

    def _b2b_requisites(self):
        """What a document prints about this supplier: the lines of its
        requisites, empty parts left out, and its first bank account."""
        self.ensure_one()
        partner = self.partner_id
        address = partner._b2b_requisites_address()
        ids = [
            (self.env._("INN"), self.vat),
            (self.env._("KPP"), self.b2b_kpp),
            (self.env._("OGRN"), self.company_registry),
        ]
        return {
            "name": partner.name,
            "ids": " · ".join(f"{label} {value}" for label, value in ids if value),
            "address": address,
            "bank": partner.bank_ids[:1],
        }
