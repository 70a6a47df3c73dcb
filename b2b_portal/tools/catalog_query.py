"""What a catalog page asks and what it answers, as small typed values; no
ORM. ``CatalogQuery.from_params`` checks the query string of a catalog page
(or an API call); ``product.product._b2b_catalog_page(entity, query)``
answers with a ``CatalogPage``.
"""

import math
from dataclasses import dataclass, field

PAGE_SIZES = (20, 50, 100)
MAX_SEARCH = 1000
MAX_ATTRIBUTE_VALUES = 50
# the ORM order of each sort; None: by the entity's own price
# (product.product._b2b_page_by_price)
SORTS = {
    "code": "default_code asc, id asc",
    "name": "name asc, id asc",
    "new": "create_date desc, id desc",
    "price": None,
    "price_desc": None,
}


def _int(value, default):
    try:
        return int(value or default)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class CatalogQuery:
    """The filters of one catalog page, each checked: ``search`` (at most
    ``MAX_SEARCH`` characters; ``search_cut`` when it was longer), a
    ``category`` id (0: all), attribute value ids ``attr``, ``in_stock``,
    ``sort`` (a key of ``SORTS``), ``page`` (from 1) and ``ppg`` (one of
    ``PAGE_SIZES``)."""

    search: str = ""
    category: int = 0
    attr: tuple = ()
    in_stock: bool = False
    sort: str = "code"
    page: int = 1
    ppg: int = PAGE_SIZES[0]
    search_cut: bool = False

    @classmethod
    def from_params(cls, params, attr=(), page=None):
        """The query of ``params`` (the query string as a dict), with the
        ``attr`` values (all of them, a list) and the ``page`` of the path
        (``/page/<n>``; older links send a ``page`` argument). Anything
        invalid falls back to its default."""
        search = str(params.get("search") or "").strip()
        search_cut = len(search) > MAX_SEARCH
        ppg = _int(params.get("ppg"), PAGE_SIZES[0])
        category = _int(params.get("category"), 0)
        number = _int(page or params.get("page"), 1)
        if None in (ppg, category, number):
            ppg, category, number = PAGE_SIZES[0], 0, 1
        sort = params.get("sort")
        return cls(
            search=search[:MAX_SEARCH],
            category=max(category, 0),
            attr=tuple(
                int(value)
                for value in list(attr)[:MAX_ATTRIBUTE_VALUES]
                if isinstance(value, str) and value.isdigit()
            ),
            in_stock=params.get("in_stock") == "1",
            sort=sort if sort in SORTS else "code",
            page=max(number, 1),
            ppg=ppg if ppg in PAGE_SIZES else PAGE_SIZES[0],
            search_cut=search_cut,
        )

    @property
    def by_price(self):
        return SORTS[self.sort] is None

    @property
    def order(self):
        """The ORM order of the sort (by SKU where the price decides)."""
        return SORTS[self.sort] or SORTS["code"]

    def offset(self, total):
        """The offset of the page among ``total`` products: a page beyond
        the last one shows the last one (as Odoo's portal pager does)."""
        page = max(1, min(self.page, math.ceil(total / self.ppg)))
        return (page - 1) * self.ppg

    def url_args(self):
        """The query arguments of the filters, without the page; those at
        their default are left out."""
        query = {
            "search": self.search,
            "category": self.category or "",
            "in_stock": "1" if self.in_stock else "",
            "sort": self.sort,
            "ppg": self.ppg,
            "attr": list(self.attr),
        }
        return {key: value for key, value in query.items() if value}


@dataclass
class CatalogPage:
    """One page of the catalog for an entity: ``products`` (a recordset, in
    order), ``prices`` ({product id: unit price}) in ``currency`` under
    ``contract``, ``availability`` (``product.product._b2b_availability``),
    ``total`` matching products (``more``: at least that many, the count
    stopped there), ``offset`` of the page, ``categories`` [(category,
    count)] and ``facets`` [(attribute, [(value, count)])] of the products
    found (``counts_bounded``: counted over the first of them only, so
    lower bounds), and ``notices`` (translated texts on how the query was
    read)."""

    products: object
    prices: dict
    currency: object
    contract: object
    total: int = 0
    more: bool = False
    offset: int = 0
    availability: dict = field(default_factory=dict)
    categories: list = field(default_factory=list)
    facets: list = field(default_factory=list)
    counts_bounded: bool = False
    notices: list = field(default_factory=list)
