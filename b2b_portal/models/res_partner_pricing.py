# res_partner.py holds the entity itself: the pricing seam lives here
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class ResPartner(models.Model):
    """The pricing seam of an entity: its price type and batched prices
    (b2b_pricelist overrides it)."""

    _inherit = "res.partner"

    def _b2b_pricelist(self, contract=None):
        self.ensure_one()
        if contract:
            return contract._b2b_pricelist()
        return self.sudo().property_product_pricelist

    def _b2b_prices(self, products, contract=None, quantity=1.0, date=None):
        """Unit prices of ``products`` for this entity under ``contract``, in
        one batched pricelist computation.

        :return: ({product id: price}, currency)
        """
        self.ensure_one()
        pricelist = self._b2b_pricelist(contract)
        if not pricelist:
            company = (contract and contract.company_id) or self.env.company
            return {p.id: p.lst_price for p in products}, company.currency_id
        prices = pricelist._get_products_price(
            products, quantity, date=date or fields.Date.context_today(self)
        )
        return prices, pricelist.currency_id

    def _b2b_price_lines(self, items, contract=None, date=None):
        """Price many order lines for this entity under ``contract`` at once.

        The pricing seam of carts and quick order: ``b2b_pricelist`` overrides
        it with price types, quantity breaks and order rules. This default
        asks Odoo's price list once for its applicable rules, then picks the
        rule of each line by its own quantity, as ``_compute_price_rule``
        does for one quantity.

        :param items: iterable of ``(product, quantity, uom or None)``
        :return: a list of dicts, one per item, in order: ``price_unit`` (per
            unit of the item), ``currency`` (record), ``rule`` (a
            ``product.pricelist.item``, maybe empty), ``next_qty`` and
            ``next_price`` (the next quantity break, False here),
            ``min_qty`` and ``multiple`` (order rules, 0 here),
            ``violation`` (False, "below_min" or "not_multiple") and
            ``suggested_qty`` (the nearest valid quantity, or False)
        """
        self.ensure_one()
        items = list(items)
        pricelist = self._b2b_pricelist(contract).sudo()
        company = (contract and contract.sudo().company_id) or self.env.company
        currency = pricelist.currency_id or company.currency_id
        date = date or fields.Date.context_today(self)
        # one environment and one prefetch set for all the products, so that
        # their fields are read once for all the lines
        products = (
            self.env["product.product"]
            .sudo()
            .with_company(company)
            .browse(dict.fromkeys(item[0].id for item in items))
        )
        # what the price rules read of each product, read for all at once
        products.product_tmpl_id.mapped("currency_id")
        products.mapped("currency_id")
        products.mapped("product_template_attribute_value_ids")
        Rule = self.env["product.pricelist.item"].sudo()
        rules = pricelist._get_applicable_rules(products, date) if pricelist else Rule
        result = []
        for item_product, qty, uom in items:
            product = products.browse(item_product.id).with_prefetch(
                products._prefetch_ids
            )
            uom = uom or product.uom_id
            qty_product_uom = (
                uom._compute_quantity(qty, product.uom_id, raise_if_failure=False)
                if uom != product.uom_id
                else qty
            )
            rule = next(
                (r for r in rules if r._is_applicable_for(product, qty_product_uom)),
                Rule,
            )
            price = rule._compute_price(product, qty, uom, date=date, currency=currency)
            result.append(
                {
                    "price_unit": price,
                    "currency": currency,
                    "rule": rule,
                    "next_qty": False,
                    "next_price": False,
                    "min_qty": 0.0,
                    "multiple": 0.0,
                    "violation": False,
                    "suggested_qty": False,
                }
            )
        return result
