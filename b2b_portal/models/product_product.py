from odoo import api, models
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.misc import formatLang

from ..tools.catalog_query import MAX_SEARCH, CatalogPage
from ..tools.catalog_search import MAX_TERMS, like_pattern, parse_search
from ..tools.quantities import parse_quantity

INCOMING_STATES = ("waiting", "confirmed", "partially_available", "assigned")
# the largest result set the catalog sorts by price (priced in one batch)
PRICE_SORT_LIMIT = 500
# a catalog page counts its products up to this bound ("10 000+"), and its
# category and attribute counts over the first this many products found
# (both read at call time: tests lower them)
COUNT_LIMIT = 10_000
# from how many found ids a search is passed to SQL as one array
IDS_AS_ARRAY = 200


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
        """Products found by what a buyer typed, as ``[("id", "in", ids)]``
        (every product found: ``_b2b_search_ids``)."""
        ids, _cut = self._b2b_search_ids(text)
        return self._b2b_ids_domain(ids) if ids is not None else []

    @api.model
    def _b2b_search_ids(self, text, limit=None, domain=None):
        """The ids of the products found by what a buyer typed, and whether
        the search stopped at ``limit`` (more were found); ``(None, False)``
        for an empty search.

        ``tools/catalog_search.py`` decides what the text means: a list of
        SKUs or barcodes (each matched exactly, any of them), or words (each
        found in the SKU or the name, all of them; a single word also matches
        a barcode exactly). "6x40" is searched as "6×40"; ``%`` and ``_`` are
        plain characters. A list of codes of which none is found exactly is
        searched as parts of SKUs (any of them), then as words.

        Each branch is its own subquery, joined by UNION, so that each uses
        its own index (trigram on SKU and name, btree on barcode): one OR
        across the product and template tables would scan and join both
        tables. ``limit`` stops a single word's search once that many are
        found (a word in 40,000 names need not recheck them all); ``domain``
        (the catalog's) is applied in each branch, so that the ids found are
        the page's products already (no count of them is needed). Active
        products only, whatever the context: an archived one found would
        count toward ``limit`` and the page's total without being shown.
        """
        search = parse_search(text)
        if not search.terms:
            return None, False
        ids = None
        if search.codes:
            ids = self._b2b_search_codes(
                search.terms, domain=domain
            ) or self._b2b_search_codes(search.terms, exact=False, domain=domain)
        if ids:
            return ids, False
        return self._b2b_search_words(search.terms, limit=limit, domain=domain)

    @api.model
    def _b2b_ids_domain(self, ids):
        """``[("id", "in", ids)]``, for many ids as one array parameter: a
        tuple is quoted id by id in Python (psycopg2's ``SQL_IN``), which
        took 15 ms per query of the page for 10,000 ids; an array literal is
        one string. A few ids stay a plain domain (the ORM then knows them:
        an empty list makes no query at all)."""
        ids = sorted(ids)
        if len(ids) <= IDS_AS_ARRAY:
            return [("id", "in", ids)]
        array = "{%s}" % ",".join(map(str, ids))

        def to_sql(model, alias, query):
            return SQL(
                "%s IN (SELECT unnest(%s::int4[]))", SQL.identifier(alias, "id"), array
            )

        return [Domain.custom(to_sql=to_sql)]

    @api.model
    def _b2b_search_codes(self, codes, exact=True, domain=None):
        """Ids of the products whose SKU (case-insensitive) or barcode is one
        of ``codes``, in one query; not ``exact``: whose SKU contains one."""
        Product = self.with_context(active_test=True)
        operator = "=ilike" if exact else "ilike"
        found = Domain.OR(
            [Domain("default_code", operator, like_pattern(code)) for code in codes]
        )
        if exact:
            found |= Domain("barcode", "in", list(codes))
        return set(Product._search(Domain(domain or []) & found))

    @api.model
    def _b2b_search_words(self, words, limit=None, domain=None):
        """Ids of the products whose SKU or name contains every one of
        ``words`` (a single word also finds a barcode), in one query: an
        INTERSECT of one UNION per word, each branch on its own index
        (trigram on SKU and name, btree on barcode), and whether ``limit``
        stopped it. Read once: as a subquery, the search would run again in
        each query of the page (count, categories, attributes, rows), which
        measured twice as slow as this list of ids at 10,000 matches.

        A single word with a ``limit``: its branches are read as UNION ALL
        under a LIMIT, so that PostgreSQL stops rechecking names once that
        many are found (a UNION must read them all to remove duplicates;
        duplicates, a product found by SKU and by name, are removed here).

        The name is searched as the product's inherited field, on the
        template join the catalog's conditions use already: a subquery on
        the templates joined them twice (44 → 39 ms for 10,000 names).
        """
        Product = self.with_context(active_test=True)
        within = Domain(domain or [])
        per_word = []
        for word in words:
            pattern = like_pattern(word)
            branches = [
                Product._search(within & Domain("default_code", "ilike", pattern)),
                Product._search(within & Domain("name", "ilike", pattern)),
            ]
            if len(words) == 1:
                branches.append(Product._search(within & Domain("barcode", "=", word)))
            union = SQL(" UNION ALL ") if limit and len(words) == 1 else SQL(" UNION ")
            per_word.append(
                union.join(SQL("(%s)", branch.select()) for branch in branches)
            )
        sql = SQL(" INTERSECT ").join(SQL("(%s)", part) for part in per_word)
        if limit and len(words) == 1:
            rows = self.env.execute_query(SQL("%s LIMIT %s", sql, limit))
            return {product_id for (product_id,) in rows}, len(rows) >= limit
        rows = self.env.execute_query(sql)
        return {product_id for (product_id,) in rows}, False

    # -- the catalog page ---------------------------------------------------------
    @api.model
    def _b2b_catalog_page(self, entity, query, company=None):
        """One page of ``entity``'s catalog for ``query`` (a
        ``tools.catalog_query.CatalogQuery``): the products, their prices
        and availability, the counts of the categories and attribute values
        found, as a ``CatalogPage``. The portal's catalog and an API call
        it alike; the caller has checked that the user may act for
        ``entity`` (products are read as superuser: buyers may not read
        them).

        Queries: a constant number, whatever the page size.
        """
        company = company or self.env.user.company_id
        self._b2b_catalog_transaction()
        Product = self.sudo().with_company(company)
        domain = Product._b2b_catalog_domain(entity, company)
        # a single word found in more than the bound: the first found only
        # counted up to the bound, or to the page asked for when it is deeper
        bound = max(COUNT_LIMIT, query.page * query.ppg)
        search_cut, found = False, None
        if query.search:
            found, search_cut = Product._b2b_search_ids(
                query.search, limit=bound + 1, domain=domain
            )
            if found is not None:
                # found within the catalog: the page's queries choose among
                # these ids alone, without the catalog's conditions joined
                # again (which read every template: 12 ms a query at 50,000
                # products, in proportion to the catalog)
                domain = Product._b2b_ids_domain(found)
        category_domain = list(domain)
        if query.category:
            domain += [("categ_id", "child_of", query.category)]
        categories, facets, counts_bounded = Product._b2b_catalog_counts(
            category_domain, domain
        )
        if query.attr:
            chosen = self.env["product.attribute.value"].sudo().browse(query.attr)
            chosen = chosen.exists()
            # values of one attribute are alternatives; attributes add up
            for attribute in chosen.attribute_id:
                domain += [
                    (
                        "product_template_attribute_value_ids.product_attribute_value_id",
                        "in",
                        chosen.filtered(lambda v, a=attribute: v.attribute_id == a).ids,
                    )
                ]
        if query.in_stock:
            domain += Product._b2b_in_stock_domain(company)
        if found is not None and not (query.category or query.attr or query.in_stock):
            # searched within the catalog: the products found are the page's
            total = len(found)
        else:
            total = Product.search_count(domain, limit=bound + 1)
        more = total > bound or search_cut
        total = min(total, bound)
        offset = query.offset(total)
        notices = []
        if query.search_cut:
            notices.append(
                self.env._(
                    "The search was cut to its first %(n)s characters.",
                    n=MAX_SEARCH,
                )
            )
        if search_cut:
            notices.append(
                self.env._(
                    "More than %(n)s products match “%(search)s”: the first "
                    "%(n)s found are shown. Add a word or a category to narrow "
                    "the search.",
                    n=formatLang(self.env, bound, digits=0),
                    search=query.search,
                )
            )
        if parse_search(query.search).dropped:
            notices.append(
                self.env._("Only the first %(n)s terms were searched.", n=MAX_TERMS)
            )
        contract = entity._b2b_default_contract()
        page = None
        if query.by_price:
            page = Product._b2b_page_by_price(
                domain,
                entity,
                contract,
                offset=offset,
                limit=query.ppg,
                count=total,
                descending=query.sort == "price_desc",
            )
            if page is None:
                notices.append(
                    self.env._(
                        "More than %(limit)s products match: they are sorted by "
                        "SKU. Narrow the search to sort them by price.",
                        limit=PRICE_SORT_LIMIT,
                    )
                )
        if page:
            products, prices, currency = page
        else:
            products = Product.search(
                domain, order=query.order, limit=query.ppg, offset=offset
            )
            prices, currency = entity._b2b_prices(products, contract)
        return CatalogPage(
            products=products,
            prices=prices,
            currency=currency,
            contract=contract,
            total=total,
            more=more,
            offset=offset,
            availability=products._b2b_availability(company),
            categories=categories,
            facets=facets,
            counts_bounded=counts_bounded,
            notices=notices,
        )

    @api.model
    def _b2b_first_sql(self, domain):
        """The first ``COUNT_LIMIT`` products of ``domain`` (by id) with
        their category, as SQL selecting ``(id, categ_id)``: the template is
        joined once, by the alias the domain's own join uses, so that the
        counts need not join the whole catalog again (that join grew with
        the catalog: 64 ms of 81 at 50,000 products)."""
        self.flush_model(["product_tmpl_id"])
        self.env["product.template"].flush_model(["categ_id"])
        first = self._search(domain, limit=COUNT_LIMIT, order="id")
        return first.select(
            SQL.identifier(first.table, "id"),
            # inherited from the template: joined as the domain joins it
            self._field_to_sql(first.table, "categ_id", first),
        )

    @api.model
    def _b2b_catalog_transaction(self):
        """Set up the transaction of a catalog page: PostgreSQL's JIT off
        for it (``SET LOCAL``: until the transaction ends, as website's
        search sets pg_trgm's threshold). PostgreSQL compiles every query
        whose estimated cost passes ``jit_above_cost`` (100,000 by default),
        and the catalog's are estimated over the whole catalog, before their
        LIMIT and per row of their correlated subqueries: at 200,000
        products compiling took 165 of the 231 ms of the in-stock count,
        which runs in 52 ms; bench_catalog.py shows it page by page."""
        self.env.cr.execute(SQL("SET LOCAL jit = off"))

    @api.model
    def _b2b_catalog_counts(self, category_domain, facet_domain):
        """The counts of a catalog page over the first ``COUNT_LIMIT``
        products found (by id): ``[(category, count)]`` of
        ``category_domain``, in the categories' order, ``[(attribute,
        [(value, count)])]`` of ``facet_domain`` (one group per attribute
        value, not per template's value), and whether the bound was hit
        (the counts are then lower bounds).

        One query when both domains are the same (no category chosen): the
        first products are read once for both counts; two otherwise."""
        self.flush_model(["product_template_attribute_value_ids"])
        self.env["product.template.attribute.value"].flush_model(
            ["product_attribute_value_id"]
        )
        same = Domain(category_domain) == Domain(facet_domain)
        # kind "c": (category, products), "a": (attribute value, products)
        categories_sql = SQL(
            "SELECT 'c', categ_id, COUNT(*) FROM first GROUP BY categ_id"
        )
        facets_sql = SQL(
            """
            SELECT 'a', ptav.product_attribute_value_id, COUNT(*)
              FROM %s
              JOIN product_variant_combination pvc ON pvc.product_product_id = f.id
              JOIN product_template_attribute_value ptav
                ON ptav.id = pvc.product_template_attribute_value_id
             GROUP BY ptav.product_attribute_value_id
            """,
            SQL("first f") if same else SQL("facet_first f"),
        )
        ctes = [SQL("first AS MATERIALIZED (%s)", self._b2b_first_sql(category_domain))]
        if not same:
            ctes.append(SQL("facet_first AS (%s)", self._b2b_first_sql(facet_domain)))
        rows = self.env.execute_query(
            SQL(
                "WITH %s %s UNION ALL %s",
                SQL(", ").join(ctes),
                categories_sql,
                facets_sql,
            )
        )
        # products without a category are counted in none
        category_counts = {
            key: count for kind, key, count in rows if kind == "c" and key
        }
        value_counts = {key: count for kind, key, count in rows if kind == "a"}
        categories = self.env["product.category"].browse(list(category_counts))
        groups = [
            (category, category_counts[category.id]) for category in categories.sorted()
        ]
        values = self.env["product.attribute.value"].sudo().browse(list(value_counts))
        facets = {}
        for value in values:
            facets.setdefault(value.attribute_id, {})[value] = value_counts[value.id]
        facets = [
            (attribute, sorted(counts.items(), key=lambda vc: vc[0].sequence))
            for attribute, counts in sorted(
                facets.items(), key=lambda ac: ac[0].sequence
            )
        ]
        # the facets' products are among the categories' (a narrower domain)
        first = sum(count for kind, _key, count in rows if kind == "c")
        return groups, facets, first >= COUNT_LIMIT

    @api.model
    def _b2b_in_stock_domain(self, company):
        """The products with free stock (on hand, not reserved) in the
        warehouses of ``company``: the same products as ``free_qty > 0``,
        without computing ``free_qty`` for the whole catalog (``stock``'s
        search on it does). The sum of each product's quants is a subquery
        correlated to the product row, on the quants' product index: a page
        in SKU order stops at its last row instead of summing every quant."""
        products = self.with_company(company).with_context(
            allowed_company_ids=company.ids
        )
        quant_domain = products._get_domain_locations()[0]
        Quant = products.env["stock.quant"].sudo()
        quants = Quant._search(quant_domain)
        table = quants.table

        def to_sql(model, alias, query):
            return SQL(
                "(SELECT SUM(%s - %s) FROM %s WHERE %s AND %s = %s) > 0",
                SQL.identifier(table, "quantity"),
                SQL.identifier(table, "reserved_quantity"),
                quants.from_clause,
                quants.where_clause,
                SQL.identifier(table, "product_id"),
                SQL.identifier(alias, "id"),
            )

        return [Domain.custom(to_sql=to_sql)]

    # -- quantities typed by buyers ----------------------------------------------
    @api.model
    def _b2b_quantity_messages(self, cart=False):
        """The message of each error code of ``tools.quantities``, with
        ``%(product)s`` and ``%(text)s``; ``cart``: for a cart line, where a
        line is taken out by its "remove" box, not by a zero."""
        env = self.env
        return {
            "not_a_number": env._("%(product)s: “%(text)s” is not a quantity."),
            "not_positive": env._(
                "%(product)s: the quantity must be more than zero; tick “remove” "
                "to take the line out."
            )
            if cart
            else env._("%(product)s: the quantity must be more than zero."),
            "too_large": env._(
                "%(product)s: %(text)s is more than can be ordered at once."
            ),
            "not_whole": env._("%(product)s: sold in whole units, not %(text)s."),
        }

    @api.model
    def _b2b_parse_order_quantities(self, entity, typed, company=None):
        """``{product: qty}`` and error messages of the quantities typed for
        ``typed`` ({product id: text}, empty texts ignored). Products are
        looked up in ``entity``'s catalog only, never trusted; quantities go
        through the suite's one parser (``tools.quantities``), whole units
        where the product is counted in pieces. The order rules (minimum,
        multiple) are not checked here."""
        env = self.env
        company = company or env.user.company_id
        Product = self.sudo().with_company(company)
        filled = {pid: text for pid, text in typed.items() if (text or "").strip()}
        products = Product.search(
            Product._b2b_catalog_domain(entity, company) + [("id", "in", list(filled))]
        )
        by_id = {p.id: p for p in products}
        whole = products._b2b_whole_units()
        messages = self._b2b_quantity_messages()
        quantities, errors = {}, []
        for pid, text in filled.items():
            product = by_id.get(pid)
            if not product:
                errors.append(env._("Product %(id)s is not in your catalog.", id=pid))
                continue
            qty, code = parse_quantity(text, whole=product in whole)
            if code:
                errors.append(
                    messages[code]
                    % {"product": product.display_name, "text": text[:30]}
                )
            else:
                quantities[product] = qty
        return quantities, errors

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
        # stock's own computation, once for all the products: reading the
        # free_qty field computes it again per prefetch batch of 1,000 and
        # writes every quantity field of every product in the cache
        goods = products.filtered(lambda p: p.type != "service")
        context = products.env.context
        quantities = goods._compute_quantities_dict(
            context.get("lot_id"),
            context.get("owner_id"),
            context.get("package_id"),
            context.get("from_date"),
            context.get("to_date"),
        )
        result = {
            product.id: {
                "free_qty": quantities.get(product.id, {}).get("free_qty", 0.0),
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
