# res_partner.py holds the entity itself: the pricing seam lives here
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models

from ..tools.pricing import PriceLine


class ResPartner(models.Model):
    """The pricing seam of an entity: which price type its orders use under
    a contract (``_b2b_pricelist``) and the price of many lines at once
    (``_b2b_price_lines``). These two are the only overridable entry points
    (b2b_pricelist overrides both); everything that prices or picks a price
    list calls them."""

    _inherit = "res.partner"

    def _b2b_pricelist(self, contract=None):
        """The price list of this entity's orders under ``contract``: the one
        resolver of the suite (catalog, carts, checkout, quick order, the
        orders' ``pricelist_id``). Here: the contract's, else the entity's
        Odoo price list."""
        self.ensure_one()
        own = contract and contract.sudo().pricelist_id
        return own or self.sudo().property_product_pricelist

    def _b2b_prices(self, products, contract=None, quantity=1.0, date=None):
        """Unit prices of ``products`` at ``quantity`` for this entity under
        ``contract``: a convenience over ``_b2b_price_lines`` (override that
        one, not this).

        :return: ({product id: price}, currency)
        """
        self.ensure_one()
        lines = self._b2b_price_lines(
            [(product, quantity, None) for product in products], contract, date
        )
        if lines:
            currency = lines[0].currency
        else:
            pricelist = self._b2b_pricelist(contract).sudo()
            company = (contract and contract.sudo().company_id) or self.env.company
            currency = pricelist.currency_id or company.currency_id
        return (
            {
                product.id: line.price_unit
                for product, line in zip(products, lines, strict=True)
            },
            currency,
        )

    def _b2b_price_lines(self, items, contract=None, date=None, order=None):
        """Price many order lines for this entity under ``contract`` at once.

        The pricing seam of the catalog, carts and quick order:
        ``b2b_pricelist`` overrides it with price types, quantity breaks,
        order rules and fixed prices. This default asks Odoo's price list
        once for its applicable rules, then picks the rule of each line by
        its own quantity, as ``_compute_price_rule`` does for one quantity.

        :param items: iterable of ``(product, quantity, uom or None)``
        :param order: the draft ``sale.order`` the lines belong to, if any
            (unused here; b2b_pricelist applies its fixed prices)
        :return: a list of ``tools.pricing.PriceLine``, one per item, in order
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
                PriceLine(
                    price_unit=price,
                    currency=currency,
                    rule=rule,
                    pricelist=pricelist,
                )
            )
        return result
