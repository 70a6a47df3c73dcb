import dataclasses

from werkzeug.exceptions import Forbidden
from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools.misc import formatLang

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.sale_order_rules import B2bOrderRulesError
from ..tools.catalog_query import CatalogQuery
from ..tools.plurals import choose_plural
from ..tools.quantities import quantity_inputs
from .portal import b2b_active_entity

CATALOG_URL = "/my/b2b/catalog"


class B2bCatalog(CustomerPortal):
    """The catalog pages: the request is read into a ``CatalogQuery``, the
    page comes from ``product.product._b2b_catalog_page``, the values here
    only render it."""

    # -- helpers -----------------------------------------------------------------
    def _b2b_catalog_query(self, kw, page=None):
        """The checked filters of the query string (``tools/catalog_query``);
        the page comes from the path (``/page/<n>``) or, for older links,
        from a ``page`` argument."""
        return CatalogQuery.from_params(
            kw, request.httprequest.values.getlist("attr"), page
        )

    def _b2b_catalog_values(self, entity, query):
        """The rendering values of the catalog page of ``query`` (extension
        point: b2b_pricelist adds the price lines of the products)."""
        catalog = request.env["product.product"]._b2b_catalog_page(entity, query)
        url_args = query.url_args()
        pager = portal_pager(
            url=CATALOG_URL,
            url_args=url_args,
            # past a bounded count, one page more than counted
            total=catalog.total + (query.ppg if catalog.more else 0),
            page=query.page,
            step=query.ppg,
        )
        return {
            "page_name": "b2b_catalog",
            "entity": entity,
            "catalog": catalog,
            "contract": catalog.contract,
            "products": catalog.products,
            "prices": catalog.prices,
            "currency": catalog.currency,
            "availability": catalog.availability,
            "pager": pager,
            "total": catalog.total,
            "total_text": self._b2b_catalog_found_text(catalog.total, catalog.more),
            "nothing_text": request.env._(
                "Nothing found for “%(search)s”. Check the SKU or try fewer words.",
                search=query.search,
            ),
            "notices": catalog.notices,
            "args": dataclasses.asdict(query),
            "url_args": url_args,
            "categories": catalog.categories,
            "facets": catalog.facets,
            "can_order": request.env.user._b2b_can(entity, "order"),
            "cart": request.env.user._b2b_current_cart(entity),
        }

    def _b2b_catalog_found_text(self, total, more=False):
        """The "Found 1 234 products" line, in the buyer's language and plural
        form; ``more``: the count stopped at ``total`` ("Found 10 000+
        products")."""
        env = request.env
        text = env._("Found %(n)s product|Found %(n)s products")
        number = formatLang(env, total, digits=0)
        return choose_plural(text, total, env.lang) % {
            "n": f"{number}+" if more else number
        }

    def _b2b_catalog_url(self, query, page=1, **extra):
        """The catalog URL of ``query`` at ``page``, as the pager writes it."""
        args = {**query.url_args(), **extra}
        url = f"{CATALOG_URL}/page/{page}" if page > 1 else CATALOG_URL
        return f"{url}?{url_encode(args)}" if args else url

    # -- routes -------------------------------------------------------------------
    # readonly: served from a read replica where one is configured
    # (db_replica_host); nothing here writes (docs/deploy.md)
    @http.route(
        [CATALOG_URL, f"{CATALOG_URL}/page/<int:page>"],
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
        readonly=True,
    )
    def b2b_catalog(self, page=None, **kw):
        entity = b2b_active_entity("read")
        query = self._b2b_catalog_query(kw, page)
        values = self._prepare_portal_layout_values()
        values.update(self._b2b_catalog_values(entity, query))
        values["messages"] = values.pop("notices")
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
        query = self._b2b_catalog_query(post)
        if errors:
            values = self._prepare_portal_layout_values()
            values.update(self._b2b_catalog_values(entity, query))
            values.update(errors=errors, typed=post, messages=values.pop("notices"))
            return request.render("b2b_portal.portal_b2b_catalog", values, status=400)
        return request.redirect(
            self._b2b_catalog_url(query, query.page, added=len(quantities)), 303
        )

    def _b2b_parse_quantities(self, entity, post):
        """{product: qty} and errors of the filled inputs ``qty_<product
        id>`` (``product.product._b2b_parse_order_quantities``)."""
        typed, unknown = quantity_inputs(post.items())
        quantities, errors = request.env["product.product"]._b2b_parse_order_quantities(
            entity, {pid: text for (_prefix, pid), text in typed.items()}
        )
        unknown_errors = [
            request.env._("Unknown product %(key)s.", key=key[4:][:20])
            for key in unknown
        ]
        return quantities, unknown_errors + errors

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
