from odoo import api, models
from odoo.fields import Domain

from ..tools.catalog_search import like_pattern, parse_search

INCOMING_STATES = ("waiting", "confirmed", "partially_available", "assigned")
# the largest result set the catalog sorts by price (priced in one batch)
PRICE_SORT_LIMIT = 500


class ProductProduct(models.Model):
    _inherit = "product.product"

    # The portal catalog searches SKUs by prefix and substring (ILIKE): a
    # trigram index beside Odoo's btree one (which keeps its name and kind).
    # (None, so no index, where the database has no pg_trgm, as Odoo does)
    _default_code_trgm_idx = models.Index(
        lambda registry: registry.has_trigram
        and "USING gin (default_code gin_trgm_ops)"
        or None
    )

    @api.model
    def _b2b_catalog_domain(self, entity, company):
        """Products ``entity`` may see and order (assortment seam)."""
        domain = [
            ("sale_ok", "=", True),
            ("company_id", "in", [False, company.id]),
        ]
        hidden = self.env["product.category"]._b2b_hidden_ids(entity)
        if hidden:
            domain.append(("categ_id", "not in", hidden))
        return domain

    @api.model
    def _b2b_search_domain(self, text):
        """Products found by what a buyer typed, as ``[("id", "in", ids)]``.

        ``tools/catalog_search.py`` decides what the text means: a list of
        SKUs or barcodes (each matched exactly, any of them), or words (each
        found in the SKU or the name, all of them; a single word also matches
        a barcode exactly). "6x40" is searched as "6×40"; ``%`` and ``_`` are
        plain characters. A list of codes of which none is found exactly is
        searched as parts of SKUs (any of them), then as words.

        Each branch is its own query, so that each uses its own index
        (trigram on SKU and name, btree on barcode): one OR across the product
        and template tables would scan and join both tables, and would be
        evaluated again by every query of a catalog page (count, page, facets).
        """
        search = parse_search(text)
        if not search.terms:
            return []
        ids = None
        if search.codes:
            ids = self._b2b_search_codes(search.terms) or self._b2b_search_codes(
                search.terms, exact=False
            )
        if not ids:
            ids = self._b2b_search_words(search.terms)
        return [("id", "in", sorted(ids))]

    @api.model
    def _b2b_search_codes(self, codes, exact=True):
        """Ids of the products whose SKU (case-insensitive) or barcode is one
        of ``codes``, in one query; not ``exact``: whose SKU contains one."""
        Product = self.with_context(active_test=False)
        operator = "=ilike" if exact else "ilike"
        domain = Domain.OR(
            [Domain("default_code", operator, like_pattern(code)) for code in codes]
        )
        if exact:
            domain |= Domain("barcode", "in", list(codes))
        return set(Product._search(domain))

    @api.model
    def _b2b_search_words(self, words):
        """Ids of the products whose SKU or name contains every one of
        ``words``; a single word also finds a barcode."""
        Product = self.with_context(active_test=False)
        Template = self.env["product.template"].with_context(active_test=False)
        found = None
        for word in words:
            pattern = like_pattern(word)
            ids = set(Product._search([("default_code", "ilike", pattern)]))
            ids.update(
                Product._search(
                    [
                        (
                            "product_tmpl_id",
                            "in",
                            Template._search([("name", "ilike", pattern)]),
                        )
                    ]
                )
            )
            if len(words) == 1:
                ids.update(Product._search([("barcode", "=", word)]))
            found = ids if found is None else found & ids
            if not found:
                break
        return found or set()

    @api.model
    def _b2b_page_by_price(
        self, domain, entity, contract, offset, limit, count, descending=False
    ):
        """One page of the products of ``domain`` (``count`` of them), sorted
        by the price ``entity`` pays for one unit under ``contract``.

        The price is no column: it comes from the entity's price type
        (``res.partner._b2b_prices``, overridden by b2b_pricelist), so:

        - when that price list prices every product by the same
          non-decreasing function of its sales price
          (``product.pricelist._b2b_price_sort_base``) and no variant has a
          price extra, the database sorts by the sales price: any size;
        - otherwise, up to ``PRICE_SORT_LIMIT`` products are all priced in one
          batch and sorted in Python;
        - otherwise None: the caller sorts another way.

        Equal prices keep the SKU order.

        :return: (products, {product id: price}, currency) or None
        """
        direction = "desc" if descending else "asc"
        pricelist = entity._b2b_pricelist(contract)
        extra = Domain.AND(
            [domain, [("product_template_attribute_value_ids.price_extra", "!=", 0)]]
        )
        if pricelist._b2b_price_sort_base() == "list_price" and not self.search_count(
            extra, limit=1
        ):
            products = self.search(
                domain,
                order=f"list_price {direction}, default_code asc, id asc",
                offset=offset,
                limit=limit,
            )
            prices, currency = entity._b2b_prices(products, contract)
            return products, prices, currency
        if count > PRICE_SORT_LIMIT:  # read at call time: tests lower it
            return None
        products = self.search(domain, order="default_code asc, id asc")
        prices, currency = entity._b2b_prices(products, contract)
        ordered = sorted(
            products, key=lambda p: -prices[p.id] if descending else prices[p.id]
        )
        page = self.browse([p.id for p in ordered[offset : offset + limit]])
        return page, prices, currency

    def _b2b_whole_units(self):
        """The products of ``self`` counted in pieces (or boxes of pieces):
        no fractions. Decided once per unit of measure, whatever the number
        of products; the xmlid lookup is cached, so it costs no query."""
        unit_id = self.env["ir.model.data"]._xmlid_to_res_id("uom.product_uom_unit")

        def counted(uom):
            while uom:
                if uom.id == unit_id:
                    return True
                uom = uom.relative_uom_id
            return False

        return self.browse().union(
            *(group for uom, group in self.grouped("uom_id").items() if counted(uom))
        )

    def _b2b_availability(self, company):
        """Free stock and next incoming supply of these products in the
        warehouses of ``company``, in a constant number of queries.

        :return: {product id: {"free_qty", "incoming_date", "incoming_qty"}}
        """
        products = self.with_company(company).with_context(
            allowed_company_ids=company.ids
        )
        result = {
            product.id: {
                "free_qty": product.free_qty,
                "incoming_date": False,
                "incoming_qty": 0.0,
            }
            for product in products
        }
        groups = (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", self.ids),
                    ("company_id", "=", company.id),
                    ("state", "in", INCOMING_STATES),
                    ("location_dest_id.usage", "=", "internal"),
                    ("location_id.usage", "not in", ("internal", "transit")),
                ],
                ["product_id", "date:day"],
                ["product_qty:sum"],
            )
        )
        for product, day, qty in sorted(groups, key=lambda g: g[1]):
            info = result[product.id]
            if not info["incoming_date"]:
                info.update(incoming_date=day, incoming_qty=qty)
        return result
