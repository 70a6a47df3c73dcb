from werkzeug.exceptions import Forbidden
from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools.misc import formatLang

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models import product_product
from ..models.sale_order_rules import B2bOrderRulesError
from ..tools.catalog_search import MAX_TERMS, parse_search
from ..tools.plurals import choose_plural
from ..tools.quantities import parse_quantity
from .portal import b2b_active_entity

PAGE_SIZES = (20, 50, 100)
MAX_SEARCH = 1000
SORTS = {
    "code": "default_code asc, id asc",
    "name": "name asc, id asc",
    "new": "create_date desc, id desc",
    # by the entity's own price, see product.product._b2b_page_by_price
    "price": None,
    "price_desc": None,
}
CATALOG_URL = "/my/b2b/catalog"


class B2bCatalog(CustomerPortal):
    # -- helpers -----------------------------------------------------------------
    def _b2b_catalog_args(self, kw, page=None):
        """Catalog filters from the query string, each checked; the page
        comes from the path (``/page/<n>``) or, for older links, from a
        ``page`` argument."""
        messages = []
        search = (kw.get("search") or "").strip()
        if len(search) > MAX_SEARCH:
            search = search[:MAX_SEARCH]
            messages.append(
                request.env._(
                    "The search was cut to its first %(n)s characters.", n=MAX_SEARCH
                )
            )
        try:
            ppg = int(kw.get("ppg") or PAGE_SIZES[0])
            category = int(kw.get("category") or 0)
            page = max(int(page or kw.get("page") or 1), 1)
        except ValueError:
            ppg, category, page = PAGE_SIZES[0], 0, 1
        values = []
        for value in request.httprequest.values.getlist("attr")[:50]:
            if value.isdigit():
                values.append(int(value))
        return {
            "attr": values,
            "search": search,
            "ppg": ppg if ppg in PAGE_SIZES else PAGE_SIZES[0],
            "category": category,
            "in_stock": kw.get("in_stock") == "1",
            "sort": kw.get("sort") if kw.get("sort") in SORTS else "code",
            "page": page,
        }, messages

    def _b2b_catalog_values(self, entity, args):
        company = request.env.user.company_id
        Product = request.env["product.product"].sudo().with_company(company)
        domain = Product._b2b_catalog_domain(entity, company)
        if args["search"]:
            domain += Product._b2b_search_domain(args["search"])
        categories = [
            (category, count)
            for category, count in Product._read_group(
                domain, ["categ_id"], ["__count"], order="categ_id"
            )
        ]
        if args["category"]:
            domain += [("categ_id", "child_of", args["category"])]
        facets = self._b2b_attribute_facets(Product, domain)
        if args["attr"]:
            chosen = (
                request.env["product.attribute.value"]
                .sudo()
                .browse(args["attr"])
                .exists()
            )
            # values of one attribute are alternatives; attributes add up
            for attribute in chosen.attribute_id:
                domain += [
                    (
                        "product_template_attribute_value_ids.product_attribute_value_id",
                        "in",
                        chosen.filtered(lambda v, a=attribute: v.attribute_id == a).ids,
                    )
                ]
        if args["in_stock"]:
            domain += [("free_qty", ">", 0)]
        total = Product.search_count(domain)
        notices = []
        dropped = parse_search(args["search"]).dropped
        if dropped:
            notices.append(
                request.env._("Only the first %(n)s terms were searched.", n=MAX_TERMS)
            )
        url_args = self._b2b_catalog_query(args)
        pager = portal_pager(
            url=CATALOG_URL,
            url_args=url_args,
            total=total,
            page=args["page"],
            step=args["ppg"],
        )
        contract = entity._b2b_default_contract()
        page = None
        if SORTS[args["sort"]] is None:
            page = Product._b2b_page_by_price(
                domain,
                entity,
                contract,
                offset=pager["offset"],
                limit=args["ppg"],
                count=total,
                descending=args["sort"] == "price_desc",
            )
            if page is None:
                notices.append(
                    request.env._(
                        "More than %(limit)s products match: they are sorted by "
                        "SKU. Narrow the search to sort them by price.",
                        limit=product_product.PRICE_SORT_LIMIT,
                    )
                )
        if page:
            products, prices, currency = page
        else:
            sort = SORTS[args["sort"]] or SORTS["code"]
            products = Product.search(
                domain, order=sort, limit=args["ppg"], offset=pager["offset"]
            )
            prices, currency = entity._b2b_prices(products, contract)
        return {
            "page_name": "b2b_catalog",
            "entity": entity,
            "contract": contract,
            "products": products,
            "prices": prices,
            "currency": currency,
            "availability": products._b2b_availability(company),
            "pager": pager,
            "total": total,
            "total_text": self._b2b_found_text(total),
            "nothing_text": request.env._(
                "Nothing found for “%(search)s”. Check the SKU or try fewer words.",
                search=args["search"],
            ),
            "notices": notices,
            "args": args,
            "url_args": url_args,
            "categories": categories,
            "facets": facets,
            "can_order": request.env.user._b2b_can(entity, "order"),
            "cart": request.env.user._b2b_current_cart(entity),
        }

    def _b2b_found_text(self, total):
        """The "Found 1 234 products" line, in the buyer's language and plural
        form."""
        env = request.env
        text = env._("Found %(n)s product|Found %(n)s products")
        return choose_plural(text, total, env.lang) % {
            "n": formatLang(env, total, digits=0)
        }

    def _b2b_catalog_query(self, args):
        """The query arguments of the catalog's filters, without the page."""
        query = {
            "search": args["search"],
            "category": args["category"] or "",
            "in_stock": "1" if args["in_stock"] else "",
            "sort": args["sort"],
            "ppg": args["ppg"],
            "attr": args["attr"],
        }
        return {k: v for k, v in query.items() if v}

    def _b2b_catalog_url(self, args, page=1, **extra):
        """The catalog URL of ``args`` at ``page``, as the pager writes it."""
        query = {**self._b2b_catalog_query(args), **extra}
        url = f"{CATALOG_URL}/page/{page}" if page > 1 else CATALOG_URL
        return f"{url}?{url_encode(query)}" if query else url

    def _b2b_attribute_facets(self, Product, domain):
        """[(attribute, [(value, count)])] of the products matching
        ``domain``, in one grouped query."""
        groups = Product._read_group(
            domain, ["product_template_attribute_value_ids"], ["__count"]
        )
        facets = {}
        for ptav, count in groups:
            if not ptav:
                continue
            value = ptav.product_attribute_value_id
            by_value = facets.setdefault(value.attribute_id, {})
            by_value[value] = by_value.get(value, 0) + count
        return [
            (attribute, sorted(values.items(), key=lambda vc: vc[0].sequence))
            for attribute, values in sorted(
                facets.items(), key=lambda ac: ac[0].sequence
            )
        ]

    # -- routes -------------------------------------------------------------------
    @http.route(
        [CATALOG_URL, f"{CATALOG_URL}/page/<int:page>"],
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_catalog(self, page=None, **kw):
        entity = b2b_active_entity("read")
        args, messages = self._b2b_catalog_args(kw, page)
        values = self._prepare_portal_layout_values()
        values.update(self._b2b_catalog_values(entity, args))
        values["messages"] = messages + values.pop("notices")
        values["added"] = kw.get("added")
        return request.render("b2b_portal.portal_b2b_catalog", values)

    @http.route(
        "/my/b2b/cart/add", type="http", auth="user", methods=["POST"], website=True
    )
    def b2b_cart_add(self, **post):
        """Add the filled quantity inputs of a catalog page to the current
        cart, all or nothing."""
        entity = b2b_active_entity("order")
        quantities, errors = self._b2b_parse_quantities(entity, post)
        if not errors and not quantities:
            errors.append(request.env._("Enter a quantity for at least one product."))
        if not errors:
            try:
                # the order rules of the cart (blockers, assortment, minimum…)
                with request.env.cr.savepoint():
                    cart = request.env.user._b2b_current_cart(entity, create=True)
                    cart._b2b_add_products(quantities)
            except B2bOrderRulesError as error:
                errors = error.report.messages()
        if errors:
            args, _messages = self._b2b_catalog_args(post)
            values = self._prepare_portal_layout_values()
            values.update(self._b2b_catalog_values(entity, args))
            values.update(errors=errors, typed=post, messages=values.pop("notices"))
            return request.render("b2b_portal.portal_b2b_catalog", values, status=400)
        args, _messages = self._b2b_catalog_args(post)
        return request.redirect(
            self._b2b_catalog_url(args, args["page"], added=len(quantities)), 303
        )

    def _b2b_parse_quantities(self, entity, post):
        """{product: qty} of the filled inputs ``qty_<product id>``; products
        are looked up in the entity's catalog only, never trusted."""
        env = request.env
        typed, errors = {}, []
        for key, text in post.items():
            if not key.startswith("qty_"):
                continue
            try:
                typed[int(key[4:])] = text
            except ValueError:
                errors.append(env._("Unknown product %(key)s.", key=key[4:][:20]))
        company = request.env.user.company_id
        Product = request.env["product.product"].sudo().with_company(company)
        filled = {pid: text for pid, text in typed.items() if (text or "").strip()}
        products = Product.search(
            Product._b2b_catalog_domain(entity, company) + [("id", "in", list(filled))]
        )
        by_id = {p.id: p for p in products}
        whole = products._b2b_whole_units()
        quantities = {}
        messages = {
            "not_a_number": env._("%(product)s: “%(text)s” is not a quantity."),
            "not_positive": env._("%(product)s: the quantity must be more than zero."),
            "too_large": env._(
                "%(product)s: %(text)s is more than can be ordered at once."
            ),
            "not_whole": env._("%(product)s: sold in whole units, not %(text)s."),
        }
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

    @http.route(
        "/my/b2b/entity/switch",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_switch_entity(self, entity_id=None, redirect=None, **kw):
        try:
            entity = request.env["res.partner"].browse(int(entity_id or 0))
            request.env.user._b2b_switch_entity(entity)
        except (ValueError, AccessError) as error:
            raise Forbidden() from error
        target = redirect if redirect and redirect.startswith("/my") else "/my"
        return request.redirect(target, 303, local=True)
