import datetime
from dataclasses import dataclass, field

from odoo import api, models
from odoo.fields import Domain
from odoo.tools import SQL


@dataclass
class ApiCatalogFilters:
    """The checked filters of an API catalog call: ``after`` is the last id
    of the previous page (from the cursor), ``limit`` at most 500."""

    search: str = ""
    category: int = 0
    in_stock: bool = False
    updated_since: object = None
    after: int = 0
    limit: int = 100


@dataclass
class ApiCatalogPage:
    """``items`` (dicts, as the API answers them), ``last_id`` of the page,
    ``more``: another page follows."""

    items: list = field(default_factory=list)
    last_id: int = 0
    more: bool = False


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model
    def _b2b_api_domain(self, entity, company, filters):
        """The products of ``entity``'s catalog (the portal's assortment and
        search seams) that match ``filters``, after ``filters.after``."""
        domain = Domain(self._b2b_catalog_domain(entity, company))
        if filters.search:
            domain &= Domain(self._b2b_search_domain(filters.search))
        if filters.category:
            domain &= Domain("categ_id", "child_of", filters.category)
        if filters.in_stock:
            domain &= Domain("id", "in", self._b2b_api_in_stock_query(company))
        if filters.updated_since:
            since = filters.updated_since
            domain &= Domain("write_date", ">=", since) | Domain(
                "product_tmpl_id.write_date", ">=", since
            )
        if filters.after:
            domain &= Domain("id", ">", filters.after)
        return domain

    @api.model
    def _b2b_api_in_stock_query(self, company):
        """The products with free stock (on hand less reserved) in the
        internal locations of ``company``, as one SQL subquery: the search
        on the computed ``free_qty`` would compute it for every product
        (seconds and hundreds of queries at 50,000 products)."""
        return SQL(
            "SELECT q.product_id FROM stock_quant q "
            "JOIN stock_location l ON l.id = q.location_id "
            "WHERE l.usage = 'internal' AND q.company_id = %s "
            "GROUP BY q.product_id HAVING SUM(q.quantity - q.reserved_quantity) > 0",
            company.id,
        )

    @api.model
    def _b2b_api_catalog(self, entity, filters, company=None):
        """One page of ``entity``'s catalog for the API, in id order (stable
        for a sync while products are added), with the entity's prices and
        order rules and the availability, in a constant number of queries.
        The caller checked that the buyer may read ``entity``'s catalog."""
        company = company or self.env.user.company_id
        Product = self.sudo().with_company(company)
        domain = Product._b2b_api_domain(entity, company, filters)
        products = Product.search(domain, order="id", limit=filters.limit + 1)
        more = len(products) > filters.limit
        products = products[: filters.limit]
        return ApiCatalogPage(
            items=products._b2b_api_items(entity, company),
            last_id=products[-1:].id or 0,
            more=more,
        )

    @api.model
    def _b2b_api_product(self, entity, sku, company=None):
        """The product of SKU ``sku`` (exactly, else its barcode) in
        ``entity``'s catalog, as the API shows it; None if not there."""
        company = company or self.env.user.company_id
        Product = self.sudo().with_company(company)
        domain = Domain(Product._b2b_catalog_domain(entity, company))
        product = Product.search(domain & Domain("default_code", "=", sku), limit=1)
        product = product or Product.search(
            domain & Domain("barcode", "=", sku), limit=1
        )
        if not product:
            return None
        item = product._b2b_api_items(entity, company)[0]
        item["description"] = product.description_sale or ""
        item["weight"] = product.weight
        return item

    def _b2b_api_items(self, entity, company):
        """These products as the API answers them: data, the entity's price
        of one unit under its default contract (``_b2b_price_lines``, the
        portal's seam: b2b_pricelist adds breaks, minimum and multiple),
        free stock and the next incoming supply."""
        contract = entity._b2b_default_contract()
        lines = entity._b2b_price_lines(
            [(product, 1.0, None) for product in self], contract
        )
        availability = self._b2b_availability(company)
        # what is read, read once for the page, from the templates (the
        # variants' category and unit are related fields, costly one by one)
        self.fetch(["default_code", "barcode", "write_date", "product_tmpl_id"])
        self.product_tmpl_id.fetch(["categ_id", "uom_id", "write_date"])
        categories = {c.id: c.name for c in self.product_tmpl_id.categ_id}
        units = {u.id: u.name for u in self.product_tmpl_id.uom_id}
        names = self.with_context(display_default_code=False)
        return [
            {
                "id": product.id,
                "sku": product.default_code or "",
                "name": name.display_name,
                "barcode": product.barcode or None,
                "category": template.categ_id
                and {
                    "id": template.categ_id.id,
                    "name": categories[template.categ_id.id],
                }
                or None,
                "unit": units.get(template.uom_id.id),
                "price": self._b2b_api_price(line),
                "stock": self._b2b_api_stock(availability[product.id]),
                "updated_at": max(product.write_date, template.write_date).isoformat(
                    timespec="seconds"
                )
                + "Z",
            }
            for product, name, line in zip(self, names, lines, strict=True)
            for template in (product.product_tmpl_id,)
        ]

    @api.model
    def _b2b_api_price(self, line):
        """A ``PriceLine`` as the API answers it. The attributes filled by
        b2b_pricelist only where installed (breaks, rules) are read as the
        line has them; a later pricing addon may add ``breaks``."""
        currency = line.currency
        breaks = getattr(line, "breaks", None)
        if breaks is None:
            price = line.next_price
            if currency and line.next_qty:
                price = currency.round(price)
            breaks = (
                [{"min_qty": line.next_qty, "price": price}] if line.next_qty else []
            )
        return {
            "unit_price": currency.round(line.price_unit)
            if currency
            else line.price_unit,
            "currency": currency.name if currency else None,
            "price_type": line.pricelist.name if line.pricelist else None,
            "breaks": breaks,
            "min_qty": line.min_qty or 0.0,
            "multiple": line.multiple or 0.0,
            "fixed_until": line.fixed_until
            and line.fixed_until.isoformat(timespec="seconds") + "Z"
            or None,
        }

    @api.model
    def _b2b_api_stock(self, info):
        incoming = info["incoming_date"]
        if isinstance(incoming, datetime.datetime):
            incoming = incoming.date()
        return {
            "free_qty": info["free_qty"],
            "incoming_date": incoming.isoformat() if incoming else None,
            "incoming_qty": info["incoming_qty"] if incoming else 0.0,
        }

    # -- price check --------------------------------------------------------------
    @api.model
    def _b2b_api_prices(self, entity, rows, company=None):
        """Price ``rows`` ([{"sku", "qty", "unit"?}]) for ``entity``: one
        search for all SKUs, one for all units, one ``_b2b_price_lines``
        call. Each answer line says its ``status``: ``ok``,
        ``unknown_sku`` (not in the entity's catalog) or ``unknown_unit``
        (no such unit, or not one the product can be counted in)."""
        company = company or self.env.user.company_id
        Product = self.sudo().with_company(company)
        skus = sorted({row["sku"] for row in rows})
        # "IN (SELECT unnest(...))": PostgreSQL would answer "= ANY(500 SKUs)"
        # from the trigram index, a hundred times slower than a hash of them
        products = Product.search(
            Domain(Product._b2b_catalog_domain(entity, company))
            & Domain("default_code", "in", SQL("(SELECT unnest(%s::varchar[]))", skus))
        )
        by_sku = {p.default_code: p for p in products}
        names = sorted({row["unit"].strip().lower() for row in rows if row.get("unit")})
        units = self.env["uom.uom"].sudo()
        if names:
            units = units.search(
                Domain.OR([Domain("name", "=ilike", name) for name in names])
            )
        answers, items = [], []
        for row in rows:
            product = by_sku.get(row["sku"])
            answer = {"sku": row["sku"], "qty": row["qty"], "status": "ok"}
            answers.append(answer)
            if not product:
                answer["status"] = "unknown_sku"
                continue
            unit = product.uom_id
            if row.get("unit"):
                wanted = row["unit"].strip().lower()
                unit = next(
                    (
                        u
                        for u in units
                        if u.name.lower() == wanted
                        and u._has_common_reference(product.uom_id)
                    ),
                    None,
                )
                if unit is None:
                    answer["status"] = "unknown_unit"
                    continue
            answer["unit"] = unit.name
            items.append((answer, product, unit))
        contract = entity._b2b_default_contract()
        lines = entity._b2b_price_lines(
            [(product, answer["qty"], unit) for answer, product, unit in items],
            contract,
        )
        names = {
            p.id: p.display_name
            for p in products.with_context(display_default_code=False)
        }
        for (answer, product, _unit), line in zip(items, lines, strict=True):
            price = self._b2b_api_price(line)
            currency = line.currency
            subtotal = line.price_unit * answer["qty"]
            answer.update(
                name=names[product.id],
                subtotal=currency.round(subtotal) if currency else subtotal,
                violation=line.violation or None,
                suggested_qty=line.suggested_qty or None,
                **price,
            )
        return answers
