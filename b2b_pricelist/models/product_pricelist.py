from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_amount

# fields of the simple form: changing one rewrites the generated rule
SIMPLE_FORM_FIELDS = (
    "b2b_is_price_type",
    "b2b_base",
    "b2b_base_pricelist_id",
    "b2b_discount_type",
    "b2b_discount",
    "b2b_rounding",
)
ITEM_BASES = {
    "list_price": "list_price",
    "standard_price": "standard_price",
    "price_type": "pricelist",
}


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    b2b_is_price_type = fields.Boolean(
        string="B2B price type",
        index=True,
        help="A wholesale price type: a base and one discount, assigned to "
        "customer groups, legal entities, contracts or turnover levels.",
    )
    b2b_base = fields.Selection(
        [
            ("list_price", "Sales price"),
            ("standard_price", "Cost"),
            ("price_type", "Another price type"),
        ],
        string="Based on",
        default="list_price",
    )
    b2b_base_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Base price type",
        domain="[('b2b_is_price_type', '=', True), ('id', '!=', id)]",
        ondelete="restrict",
    )
    b2b_discount_type = fields.Selection(
        [("percent", "Percentage"), ("fixed", "Fixed amount")],
        string="Discount type",
        default="percent",
    )
    b2b_discount = fields.Float(
        string="Discount",
        digits=(16, 2),
        help="Percentage or amount off the base. On cost, the percentage is "
        "a markup added to the cost.",
    )
    b2b_rounding = fields.Float(
        string="Rounding",
        digits=(16, 2),
        help="Prices are rounded to a multiple of this value (0.01, 1, 10…), "
        "before a fixed amount is taken off.",
    )
    b2b_group_ids = fields.One2many(
        "res.partner.category", "b2b_pricelist_id", string="Customer groups"
    )

    # -- constraints ------------------------------------------------------------
    @api.constrains("b2b_base", "b2b_base_pricelist_id", "b2b_is_price_type")
    def _check_b2b_base(self):
        for pricelist in self.filtered("b2b_is_price_type"):
            if (
                pricelist.b2b_base == "price_type"
                and not pricelist.b2b_base_pricelist_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(type)s is based on another price type: choose it.",
                        type=pricelist.display_name,
                    )
                )
            path = pricelist._b2b_base_cycle()
            if path:
                raise ValidationError(
                    self.env._(
                        "A price type cannot be based on itself: %(path)s.",
                        path=" ⇒ ".join(path),
                    )
                )

    def _b2b_bases(self):
        """Price lists this one is based on: its simple form's base and the
        bases of its hand-made rules."""
        self.ensure_one()
        bases = self.item_ids.filtered(
            lambda i: i.base == "pricelist" and not i.b2b_generated
        ).base_pricelist_id
        if self.b2b_is_price_type and self.b2b_base == "price_type":
            bases |= self.b2b_base_pricelist_id
        return bases

    def _b2b_base_cycle(self):
        """Names along a chain of bases leading back to this price list, or
        an empty list."""
        self.ensure_one()
        seen = set()

        def visit(pricelist, path):
            for base in pricelist._b2b_bases():
                if base == self:
                    return [*path, base.name]
                if base.id in seen:
                    continue
                seen.add(base.id)
                found = visit(base, [*path, base.name])
                if found:
                    return found
            return []

        return visit(self, [self.name])

    @api.constrains("b2b_discount", "b2b_discount_type", "b2b_base", "b2b_rounding")
    def _check_b2b_discount(self):
        for pricelist in self.filtered("b2b_is_price_type"):
            discount = pricelist.b2b_discount
            if pricelist.b2b_rounding < 0:
                raise ValidationError(self.env._("The rounding cannot be negative."))
            if discount < 0:
                raise ValidationError(
                    self.env._(
                        "A discount cannot be negative (%(discount)s): to sell "
                        "above the base, base the price type on cost with a "
                        "markup.",
                        discount=self.env["res.lang"]._b2b_format_qty(discount),
                    )
                )
            if (
                pricelist.b2b_discount_type == "percent"
                and pricelist.b2b_base != "standard_price"
                and discount > 100
            ):
                raise ValidationError(
                    self.env._(
                        "A discount of %(discount)s%% is more than 100%%.",
                        discount=self.env["res.lang"]._b2b_format_qty(discount),
                    )
                )
            if pricelist.b2b_discount_type == "fixed" and discount:
                pricelist._b2b_check_fixed_discount()

    def _b2b_check_fixed_discount(self):
        """A fixed amount off may not exceed the base of any product sold,
        where the base is a product field (list price or cost) in the price
        type's currency: the cheapest such product is looked up."""
        self.ensure_one()
        company_currency = (self.company_id or self.env.company).currency_id
        if self.b2b_base == "price_type" or self.currency_id != company_currency:
            return
        field = self.b2b_base
        Product = self.env["product.product"].sudo()
        cheapest = (
            Product.search(
                [("sale_ok", "=", True), (field, ">", 0)], order=f"{field} asc", limit=1
            )
            if field == "standard_price"
            else self.env["product.template"]
            .sudo()
            .search(
                [("sale_ok", "=", True), ("list_price", ">", 0)],
                order="list_price asc",
                limit=1,
            )
        )
        if cheapest and self.b2b_discount > cheapest[field]:
            raise ValidationError(
                self.env._(
                    "The fixed discount %(discount)s is larger than the base "
                    "price of %(product)s (%(price)s): its price would be "
                    "negative.",
                    discount=format_amount(
                        self.env, self.b2b_discount, self.currency_id
                    ),
                    product=cheapest.display_name,
                    price=format_amount(self.env, cheapest[field], self.currency_id),
                )
            )

    # -- CRUD -------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        pricelists = super().create(vals_list)
        pricelists.filtered("b2b_is_price_type")._b2b_sync_items()
        return pricelists

    def write(self, vals):
        result = super().write(vals)
        if any(field in vals for field in SIMPLE_FORM_FIELDS):
            self._b2b_sync_items()
        return result

    # -- business ---------------------------------------------------------------
    def _b2b_item_values(self):
        """The global rule the simple form stands for."""
        self.ensure_one()
        fixed = self.b2b_discount_type == "fixed"
        discount = 0.0 if fixed else self.b2b_discount
        if self.b2b_base == "standard_price":
            discount = -discount  # a markup on cost
        return {
            "applied_on": "3_global",
            "compute_price": "formula",
            "base": ITEM_BASES[self.b2b_base or "list_price"],
            "base_pricelist_id": self.b2b_base == "price_type"
            and self.b2b_base_pricelist_id.id,
            "price_discount": discount,
            "price_round": self.b2b_rounding,
            "price_surcharge": -self.b2b_discount if fixed else 0.0,
            "b2b_generated": True,
        }

    def _b2b_sync_items(self):
        """Rewrite the generated rule of each price type from its simple form;
        hand-made rules (exceptions, quantity breaks) stay as they are."""
        for pricelist in self:
            commands = [
                Command.delete(item.id)
                for item in pricelist.item_ids.filtered("b2b_generated")
            ]
            if pricelist.b2b_is_price_type:
                commands.append(Command.create(pricelist._b2b_item_values()))
            if commands:
                pricelist.write({"item_ids": commands})

    @api.model
    def _b2b_rules_domain(self, pricelists, products, date):
        """Odoo's ``_get_applicable_rules_domain`` for several price lists."""
        return [
            ("pricelist_id", "in", pricelists.ids),
            "|",
            ("categ_id", "=", False),
            ("categ_id", "parent_of", products.categ_id.ids),
            "|",
            ("product_tmpl_id", "=", False),
            ("product_tmpl_id", "in", products.product_tmpl_id.ids),
            "|",
            ("product_id", "=", False),
            ("product_id", "in", products.ids),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", date),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", date),
        ]

    def _b2b_rule_index(self, products, date):
        """The applicable rules of this price list and of every price list it
        is based on, for ``products`` on ``date``, indexed per product: one
        query per level of the chain, whatever the number of products.

        :return: a ``RuleIndex`` (``models/rule_index.py``)
        """
        from .rule_index import RuleIndex  # noqa: PLC0415

        self.ensure_one()
        Item = self.env["product.pricelist.item"]
        rules = Item
        done = self.browse()
        todo = self
        while todo:
            found = Item.search(self._b2b_rules_domain(todo, products, date))
            rules |= found
            done |= todo
            todo = (
                found.filtered(lambda r: r.base == "pricelist").base_pricelist_id - done
            )
        return RuleIndex(rules, done)

    def _get_applicable_rules(self, products, date, **kwargs):
        """With ``b2b_rule_index`` (a RuleIndex of the pricing service), the
        rules of one product come from the index, not from a query: the base
        price list of a chained price type costs no query per product."""
        index = kwargs.get("b2b_rule_index")
        if index is not None and self and len(products) == 1 and index.covers(self):
            return index.candidates(self, products)
        return super()._get_applicable_rules(products, date, **kwargs)
