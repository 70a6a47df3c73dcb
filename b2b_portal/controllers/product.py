from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from .catalog import B2bCatalog
from .portal import b2b_active_entity

MAX_COMPARE = 4


class B2bProduct(B2bCatalog):
    def _b2b_product_visible(self, entity, ids):
        """The products of ``ids`` in the entity's catalog: an id outside it
        (another assortment, another company, unknown) is simply absent."""
        company = request.env.user.company_id
        Product = request.env["product.product"].sudo().with_company(company)
        return Product.search(
            Product._b2b_catalog_domain(entity, company) + [("id", "in", ids)]
        )

    def _b2b_product_specifications(self, product):
        """(label, value) rows of a product's specification sheet."""
        env = request.env
        rows = [
            (env._("SKU"), product.default_code or ""),
            (env._("Barcode"), product.barcode or ""),
            (env._("Unit"), product.uom_id.name),
            (env._("Category"), product.categ_id.display_name or ""),
        ]
        if product.uom_ids:
            rows.append(
                (
                    env._("Packaging"),
                    ", ".join(product.uom_ids.mapped("name")),
                )
            )
        if product.weight:
            rows.append(
                (env._("Weight, kg"), env["res.lang"]._b2b_format_qty(product.weight))
            )
        if product.volume:
            rows.append(
                (env._("Volume, m³"), env["res.lang"]._b2b_format_qty(product.volume))
            )
        for line in product.attribute_line_ids:
            values = line.value_ids
            if line.attribute_id.create_variant != "no_variant":
                values = product.product_template_attribute_value_ids.filtered(
                    lambda v, line=line: v.attribute_line_id == line
                ).product_attribute_value_id
            rows.append((line.attribute_id.name, ", ".join(values.mapped("name"))))
        return rows

    def _b2b_product_documents(self, product):
        """Downloadable files of a product, each with a signed token: the
        buyer has no access to attachments themselves."""
        documents = (
            request.env["product.document"]
            .sudo()
            .search(
                [
                    "|",
                    "&",
                    ("res_model", "=", "product.template"),
                    ("res_id", "=", product.product_tmpl_id.id),
                    "&",
                    ("res_model", "=", "product.product"),
                    ("res_id", "=", product.id),
                ],
                order="sequence, id",
            )
        )
        return [
            (doc, doc.ir_attachment_id._get_raw_access_token()) for doc in documents
        ]

    # readonly, as the catalog: a read replica may serve them
    @http.route(
        "/my/b2b/product/<int:product_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
        readonly=True,
    )
    def b2b_product(self, product_id, **kw):
        entity = b2b_active_entity("read")
        product = self._b2b_product_visible(entity, [product_id])
        if not product:
            raise NotFound()
        contract = entity._b2b_default_contract()
        prices, currency = entity._b2b_prices(product, contract)
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="b2b_product",
            entity=entity,
            product=product,
            price=prices[product.id],
            currency=currency,
            stock=product._b2b_availability(request.env.user.company_id)[product.id],
            specifications=self._b2b_product_specifications(product),
            documents=self._b2b_product_documents(product),
            can_order=request.env.user._b2b_can(entity, "order"),
        )
        return request.render("b2b_portal.portal_b2b_product", values)

    @http.route(
        "/my/b2b/compare",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
        readonly=True,
    )
    def b2b_compare(self, **kw):
        entity = b2b_active_entity("read")
        wanted = []
        for value in request.httprequest.args.getlist("ids")[:20]:
            for part in value.split(",")[:20]:
                if part.strip().isdigit() and int(part) not in wanted:
                    wanted.append(int(part))
        messages = []
        if len(wanted) > MAX_COMPARE:
            messages.append(
                request.env._(
                    "Up to %(n)s products can be compared: the first %(n)s are shown.",
                    n=MAX_COMPARE,
                )
            )
            wanted = wanted[:MAX_COMPARE]
        products = self._b2b_product_visible(entity, wanted)
        products = products.sorted(lambda p: wanted.index(p.id))
        contract = entity._b2b_default_contract()
        prices, currency = entity._b2b_prices(products, contract)
        sheets = {p.id: dict(self._b2b_product_specifications(p)) for p in products}
        labels = []
        for product in products:
            for label in sheets[product.id]:
                if label not in labels:
                    labels.append(label)
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="b2b_compare",
            entity=entity,
            products=products,
            prices=prices,
            currency=currency,
            availability=products._b2b_availability(request.env.user.company_id),
            labels=labels,
            sheets=sheets,
            messages=messages,
        )
        return request.render("b2b_portal.portal_b2b_compare", values)
