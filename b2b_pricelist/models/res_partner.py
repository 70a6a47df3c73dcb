from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.b2b_portal.tools.pricing import PriceLine

from ..tools.levels import level_for, progress
from ..tools.order_rules import check_quantity

INVOICE_TYPES = ("out_invoice", "out_refund")
# a break must lower the price by more than float noise to be shown
PRICE_EPSILON = 1e-6


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Price type",
        domain=[("b2b_is_price_type", "=", True)],
        company_dependent=False,
        index="btree_not_null",
        help="Negotiated price type of this legal entity; a contract's price "
        "type goes first.",
    )
    # resolved from contracts and levels, B2B records: for the B2B back office
    b2b_effective_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Effective price type",
        compute="_compute_b2b_effective_pricelist",
        groups="b2b_portal.group_b2b_user",
    )
    b2b_pricelist_reason = fields.Char(
        string="Why this price type",
        compute="_compute_b2b_effective_pricelist",
        groups="b2b_portal.group_b2b_user",
    )

    def _compute_b2b_effective_pricelist(self):
        for partner in self:
            if not partner.id or not partner.is_company:
                partner.b2b_effective_pricelist_id = False
                partner.b2b_pricelist_reason = False
                continue
            contract = partner._b2b_default_contract()
            pricelist, kind, source = partner._b2b_resolve_pricelist(contract)
            partner.b2b_effective_pricelist_id = pricelist
            partner.b2b_pricelist_reason = partner._b2b_pricelist_reason_text(
                kind, source
            )

    # -- resolution -------------------------------------------------------------
    def _b2b_resolve_pricelist(self, contract=None):
        """The price type of this entity's orders under ``contract`` and why:
        contract → entity → turnover level → highest-priority group →
        company default → the customer's Odoo price list.

        :return: (pricelist, kind, source record) with kind one of
            ``contract``, ``entity``, ``level``, ``group``, ``company``,
            ``partner``
        """
        self.ensure_one()
        contract = contract and contract.sudo()
        # a contract without a price type of its own does not hide the
        # entity's, the level's or the group's
        own = contract and contract.pricelist_id
        # the contract of this very entity: no need to read the partner
        if own and contract.entity_id.id == self.id:
            return own, "contract", contract
        entity = self.commercial_partner_id.sudo()
        if own and contract.entity_id == entity:
            return own, "contract", contract
        if entity.b2b_pricelist_id:
            return entity.b2b_pricelist_id, "entity", entity
        level = entity.b2b_level_id
        if level.pricelist_id:
            return level.pricelist_id, "level", level
        groups = entity.category_id.filtered("b2b_pricelist_id")
        if groups:
            group = groups.sorted(lambda g: (-g.b2b_priority, g.id))[0]
            return group.b2b_pricelist_id, "group", group
        company = (contract and contract.company_id) or entity.company_id
        company = company or self.env.company
        if company.b2b_default_pricelist_id:
            return company.b2b_default_pricelist_id, "company", company
        return (
            entity.with_company(company).property_product_pricelist,
            "partner",
            entity,
        )

    def _b2b_pricelist_reason_text(self, kind, source):
        return {
            "contract": lambda: self.env._(
                "from contract %(contract)s", contract=source.name
            ),
            "entity": lambda: self.env._("set on the legal entity"),
            "level": lambda: self.env._(
                "from turnover level %(level)s", level=source.name
            ),
            "group": lambda: self.env._("from group %(group)s", group=source.name),
            "company": lambda: self.env._("the company's default"),
            "partner": lambda: self.env._("the customer's Odoo price list"),
        }[kind]()

    def _b2b_pricelist(self, contract=None):
        self.ensure_one()
        return self._b2b_resolve_pricelist(contract)[0]

    def _b2b_pricelist_chain(self, contract=None):
        """Where the resolution looked, in its order, up to the place that
        gave the price type: [(place, price type or empty)], the last one
        holding the resolved price type."""
        self.ensure_one()
        pricelist, kind, _source = self._b2b_resolve_pricelist(contract)
        entity = self.commercial_partner_id.sudo()
        Pricelist = self.env["product.pricelist"]
        steps = []
        if contract:
            contract = contract.sudo()
            own = contract.pricelist_id
            steps.append(
                ("contract", self.env._("contract %(name)s", name=contract.name), own)
            )
        steps.append(("entity", self.env._("legal entity"), entity.b2b_pricelist_id))
        level = entity.b2b_level_id
        steps.append(
            (
                "level",
                self.env._("level %(name)s", name=level.name)
                if level
                else self.env._("level"),
                level.pricelist_id,
            )
        )
        groups = entity.category_id.filtered("b2b_pricelist_id").sorted(
            lambda g: (-g.b2b_priority, g.id)
        )
        steps.append(
            (
                "group",
                self.env._("group %(name)s", name=groups[0].name)
                if groups
                else self.env._("groups"),
                groups[:1].b2b_pricelist_id,
            )
        )
        steps.append(("company", self.env._("company default"), Pricelist))
        steps.append(
            ("partner", self.env._("Odoo price list of the customer"), Pricelist)
        )
        chain = []
        for step_kind, place, found in steps:
            if step_kind == kind:
                chain.append((place, pricelist))
                break
            chain.append((place, found))
        return chain

    # -- the batched pricing service ---------------------------------------------
    def _b2b_price_lines(self, items, contract=None, date=None, order=None):
        """Price many (product, quantity, unit) lines for this entity under
        ``contract`` on ``date``, in a constant number of queries.

        The price type is resolved once; its rules and those of the price
        types it is based on are read in one query per level of the chain
        and indexed per product; each line then takes the rule Odoo would
        (``_compute_price_rule``), the next quantity break that lowers its
        price, and the order rules of its product (minimum, multiple).

        :param order: a draft ``sale.order`` whose lines' fixed prices (price
            fixation) apply while they last
        :return: a list of ``b2b_portal.tools.pricing.PriceLine``, all
            their attributes filled
        """
        self.ensure_one()
        items = list(items)
        if not items:
            return []
        pricelist = self._b2b_pricelist(contract).sudo()
        company = (contract and contract.sudo().company_id) or self.env.company
        currency = pricelist.currency_id or company.currency_id
        date = date or fields.Date.context_today(self)
        Product = self.env["product.product"].sudo().with_company(company)
        products = Product.browse(list(dict.fromkeys(item[0].id for item in items)))
        # records of one recordset share its prefetch: one read for all
        by_id = {product.id: product for product in products}
        # order rules from the templates' stored fields (cheaper than the
        # variants' related ones), only where a product has one
        rules_of = {
            template.id: (template.b2b_min_qty, template.b2b_multiple)
            for template in products.product_tmpl_id
            if template.b2b_min_qty or template.b2b_multiple
        }
        Rule = self.env["product.pricelist.item"].sudo()
        if pricelist:
            index = pricelist._b2b_rule_index(products, date)
        else:
            index = None
        fixed = order._b2b_fixed_prices() if order else {}
        result = []
        for product, qty, uom in items:
            product = by_id[product.id]
            product_uom = product.uom_id
            uom = uom or product_uom
            same_uom = uom == product_uom
            qty_p = (
                qty
                if same_uom
                else uom._compute_quantity(qty, product_uom, raise_if_failure=False)
            )
            candidates = index.candidate_list(pricelist, product) if index else ()
            rule = Rule
            for candidate in candidates:
                if not candidate.min_quantity or qty_p >= candidate.min_quantity:
                    rule = candidate
                    break
            price = rule._compute_price(
                product, qty, uom, date=date, currency=currency, b2b_rule_index=index
            )
            line = PriceLine(
                price_unit=price, currency=currency, rule=rule, pricelist=pricelist
            )
            thresholds = index.thresholds(pricelist, product, qty_p) if index else ()
            for target in thresholds:
                next_rule = next(
                    (
                        c
                        for c in candidates
                        if not c.min_quantity or target >= c.min_quantity
                    ),
                    Rule,
                )
                if next_rule == rule and rule.base != "pricelist":
                    continue  # same rule, same base: same price
                target_qty = (
                    target
                    if same_uom
                    else product_uom._compute_quantity(target, uom, round=False)
                )
                next_price = next_rule._compute_price(
                    product,
                    target_qty,
                    uom,
                    date=date,
                    currency=currency,
                    b2b_rule_index=index,
                )
                if next_price < price - PRICE_EPSILON:
                    line.next_qty = target_qty
                    line.next_price = next_price
                    line.more_qty = target_qty - qty
                    break
            order_rule = rules_of and rules_of.get(product.product_tmpl_id.id)
            if order_rule:
                line.min_qty, line.multiple = order_rule
                violation, suggested = check_quantity(qty_p, *order_rule)
                if violation:
                    line.violation = violation
                    line.suggested_qty = (
                        suggested
                        if same_uom
                        else product_uom._compute_quantity(suggested, uom, round=False)
                    )
            fix = fixed.get((product.id, uom.id))
            if fix:
                line.price_unit, line.fixed_until, line.currency = fix
            result.append(line)
        return result

    # -- turnover levels ----------------------------------------------------------
    b2b_level_id = fields.Many2one(
        "b2b.level",
        string="Turnover level",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    b2b_turnover = fields.Monetary(
        string="Turnover",
        currency_field="b2b_turnover_currency_id",
        readonly=True,
        copy=False,
        help="Posted invoices minus refunds, untaxed, over the company's "
        "turnover period, at the last recomputation.",
    )
    b2b_turnover_currency_id = fields.Many2one(
        "res.currency", compute="_compute_b2b_turnover_currency_id"
    )
    b2b_level_pin_id = fields.Many2one(
        "b2b.level",
        string="Pinned level",
        copy=False,
        groups="b2b_portal.group_b2b_manager",
        help="A level set by hand, whatever the turnover, until the end date.",
    )
    b2b_level_pin_reason = fields.Char(
        string="Pin reason", copy=False, groups="b2b_portal.group_b2b_manager"
    )
    b2b_level_pin_until = fields.Date(
        string="Pinned until", copy=False, groups="b2b_portal.group_b2b_manager"
    )
    b2b_level_history_ids = fields.One2many(
        "b2b.level.history",
        "entity_id",
        string="Level history",
        groups="b2b_portal.group_b2b_user",
    )

    def _compute_b2b_turnover_currency_id(self):
        for partner in self:
            partner.b2b_turnover_currency_id = (
                partner.company_id or self.env.company
            ).currency_id

    @api.constrains("b2b_level_pin_id", "b2b_level_pin_reason", "b2b_level_pin_until")
    def _check_b2b_level_pin(self):
        today = fields.Date.context_today(self)
        for partner in self.filtered("b2b_level_pin_id"):
            if not (partner.b2b_level_pin_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Say why the level of %(entity)s is pinned.",
                        entity=partner.display_name,
                    )
                )
            if not partner.b2b_level_pin_until or partner.b2b_level_pin_until < today:
                raise ValidationError(
                    self.env._("A pinned level needs an end date, today or later.")
                )

    def write(self, vals):
        result = super().write(vals)
        if {"b2b_level_pin_id", "b2b_level_pin_until"} & vals.keys() and not (
            self.env.context.get("b2b_level_recompute")
        ):
            unpinned = "b2b_level_pin_id" in vals and not vals["b2b_level_pin_id"]
            self._b2b_recompute_levels(reason="unpin" if unpinned else "turnover")
        return result

    # -- turnover ---------------------------------------------------------------
    @api.model
    def _b2b_window(self, date=None, company=None):
        """First and last day of the turnover period ending on ``date``."""
        company = company or self.env.company
        date = date or fields.Date.context_today(self)
        days = max(company.b2b_level_window_days, 1)
        return date - timedelta(days=days - 1), date

    def _b2b_turnover_domain(self, date=None, company=None):
        company = company or self.env.company
        start, end = self._b2b_window(date, company)
        return [
            ("move_type", "in", INVOICE_TYPES),
            ("state", "=", "posted"),
            ("company_id", "=", company.id),
            ("commercial_partner_id", "in", self.ids),
            ("invoice_date", ">=", start),
            ("invoice_date", "<=", end),
        ]

    def _b2b_turnovers(self, date=None, company=None):
        """{entity id: turnover} in company currency, untaxed, invoices minus
        refunds over the period ending on ``date``; one query."""
        groups = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                self._b2b_turnover_domain(date, company),
                ["commercial_partner_id"],
                ["amount_untaxed_signed:sum"],
            )
        )
        return {partner.id: amount for partner, amount in groups}

    def _b2b_recompute_levels(self, date=None, reason="turnover"):
        """Turnover and level of these entities on ``date``: a valid pin wins,
        an expired pin is removed; each change is kept in the history."""
        date = date or fields.Date.context_today(self)
        company = self.env.company
        ladder = self.env["b2b.level"]._b2b_ladder(company)
        thresholds = ladder.mapped("threshold")
        turnovers = self._b2b_turnovers(date, company)
        History = self.env["b2b.level.history"].sudo()
        history = []
        # a level of another company's ladder is that company's business: an
        # invoice of this one must not drop it (history "Base → (empty)")
        entities = self.sudo().filtered(
            lambda e: not e.b2b_level_id or e.b2b_level_id.company_id == company
        )
        for entity in entities.with_context(b2b_level_recompute=True):
            turnover = turnovers.get(entity.id, 0.0)
            vals = {"b2b_turnover": turnover}
            change, note = reason, False
            if entity.b2b_level_pin_id and entity.b2b_level_pin_until < date:
                vals.update(
                    b2b_level_pin_id=False,
                    b2b_level_pin_reason=False,
                    b2b_level_pin_until=False,
                )
                change = "pin_expired"
                note = entity.b2b_level_pin_reason
                level = ladder.browse()
            elif entity.b2b_level_pin_id:
                level = entity.b2b_level_pin_id
                change, note = "pin", entity.b2b_level_pin_reason
            else:
                level = ladder.browse()
            if not level:
                index = level_for(turnover, thresholds)
                level = ladder[index] if index is not None else ladder.browse()
            if level != entity.b2b_level_id:
                vals["b2b_level_id"] = level.id
                history.append(
                    {
                        "entity_id": entity.id,
                        "level_id": level.id,
                        "previous_level_id": entity.b2b_level_id.id,
                        "turnover": turnover,
                        "currency_id": company.currency_id.id,
                        "reason": change,
                        "note": note,
                    }
                )
            entity.write(vals)
        History.create(history)
        return True

    @api.model
    def _cron_b2b_recompute_levels(self):
        """Nightly: every B2B entity with a level, a pin or invoices."""
        entities = self.search(
            [
                ("is_company", "=", True),
                ("b2b_state", "=", "approved"),
            ]
        )
        # each company's ladder, turnover and currency
        ladders = self.env["b2b.level"].sudo()._read_group([], ["company_id"])
        for (company,) in ladders:
            entities.with_company(company)._b2b_recompute_levels()

    def _b2b_level_progress(self, date=None):
        """What the dashboard shows of this entity's level: the level, the
        next one, the amount missing, the percent of the way and the last
        day the oldest invoice counted still counts (after it, turnover
        drops)."""
        self.ensure_one()
        entity = self.sudo()
        date = date or fields.Date.context_today(self)
        company = self.env.company
        ladder = self.env["b2b.level"]._b2b_ladder(company)
        if not ladder:
            return False
        thresholds = ladder.mapped("threshold")
        current = entity.b2b_level_id
        index = ladder.ids.index(current.id) if current and current in ladder else None
        turnover = entity.b2b_turnover
        state = progress(turnover, thresholds, index)
        deadline = False
        if state.next is not None:
            oldest = (
                self.env["account.move"]
                .sudo()
                ._read_group(
                    self._b2b_turnover_domain(date, company), [], ["invoice_date:min"]
                )[0][0]
            )
            if oldest:
                deadline = oldest + timedelta(
                    days=max(company.b2b_level_window_days, 1) - 1
                )
        return {
            "level": current,
            "next_level": ladder[state.next] if state.next is not None else False,
            "missing": state.missing,
            "percent": state.percent,
            "turnover": turnover,
            "currency": company.currency_id,
            "deadline": deadline,
            "pinned_until": entity.b2b_level_pin_id and entity.b2b_level_pin_until,
        }
