from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class B2bContract(models.Model):
    _name = "b2b.contract"
    _description = "Supply contract with a legal entity"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "entity_id, is_default desc, date desc, id desc"

    name = fields.Char(string="Number", required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_start = fields.Date(string="Valid from", tracking=True)
    date_end = fields.Date(string="Valid until", tracking=True)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Price list",
        help="Prices of orders under this contract. Empty: the entity's own "
        "price list. (b2b_pricelist replaces this by price types.)",
    )
    payment_term_id = fields.Many2one("account.payment.term", string="Payment terms")
    incoterm_id = fields.Many2one("account.incoterms")
    delivery_terms = fields.Text(
        help="Who delivers, where, at whose cost; shown to the buyer."
    )
    credit_limit = fields.Monetary(
        currency_field="currency_id",
        help="Unpaid orders and invoices may not exceed it; 0 means no limit.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    is_default = fields.Boolean(
        string="Default", help="Used for new orders of the entity."
    )
    order_ids = fields.One2many("sale.order", "b2b_contract_id", string="Orders")

    _entity_name_uniq = models.Constraint(
        "UNIQUE(entity_id, name)",
        "This legal entity already has a contract with this number.",
    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if (
                contract.date_start
                and contract.date_end
                and contract.date_end < contract.date_start
            ):
                raise ValidationError(
                    self.env._("A contract cannot end before it starts.")
                )

    @api.constrains("is_default", "entity_id")
    def _check_one_default(self):
        defaults = self.filtered("is_default")
        if not defaults:
            return
        counts = dict(
            self._read_group(
                [
                    ("entity_id", "in", defaults.entity_id.ids),
                    ("is_default", "=", True),
                ],
                ["entity_id"],
                ["__count"],
            )
        )
        for entity, count in counts.items():
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(entity)s has several default contracts.",
                        entity=entity.display_name,
                    )
                )

    def _compute_display_name(self):
        for contract in self:
            contract.display_name = self.env._(
                "%(number)s of %(date)s",
                number=contract.name,
                date=format_date(self.env, contract.date),
            )

    def _b2b_is_valid(self, date=None):
        """Active and within its validity period on ``date`` (today)."""
        self.ensure_one()
        date = date or fields.Date.context_today(self)
        return (
            self.state == "active"
            and (not self.date_start or self.date_start <= date)
            and (not self.date_end or date <= self.date_end)
        )

    def action_activate(self):
        self.write({"state": "active"})

    def action_close(self):
        self.write({"state": "closed", "is_default": False})

    @api.model
    def _cron_expire(self):
        """Active contracts past their end date become expired."""
        self.search(
            [
                ("state", "=", "active"),
                ("date_end", "<", fields.Date.context_today(self)),
            ]
        ).write({"state": "expired"})

    def _b2b_pricelist(self):
        """The price list of orders under this contract: the entity's
        resolver decides (``res.partner._b2b_pricelist``, the one to
        override)."""
        self.ensure_one()
        return self.entity_id._b2b_pricelist(self)
