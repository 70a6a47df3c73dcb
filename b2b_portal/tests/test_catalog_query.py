from odoo.tests.common import BaseCase

from ..tools.catalog_query import MAX_SEARCH, PAGE_SIZES, CatalogQuery


class TestCatalogQuery(BaseCase):
    """The catalog's query string, checked without the ORM."""

    def test_defaults(self):
        query = CatalogQuery.from_params({})
        self.assertEqual(query, CatalogQuery())
        self.assertEqual((query.sort, query.page, query.ppg), ("code", 1, 20))
        self.assertEqual(query.url_args(), {"sort": "code", "ppg": 20})

    def test_filters_read(self):
        query = CatalogQuery.from_params(
            {
                "search": "  болт 6x40 ",
                "category": "7",
                "in_stock": "1",
                "sort": "price_desc",
                "ppg": "50",
            },
            attr=["3", "x", "12"],
            page=4,
        )
        self.assertEqual(query.search, "болт 6x40")
        self.assertEqual(query.category, 7)
        self.assertEqual(query.attr, (3, 12))
        self.assertTrue(query.in_stock)
        self.assertTrue(query.by_price)
        self.assertEqual((query.page, query.ppg), (4, 50))
        self.assertEqual(
            query.url_args(),
            {
                "search": "болт 6x40",
                "category": 7,
                "in_stock": "1",
                "sort": "price_desc",
                "ppg": 50,
                "attr": [3, 12],
            },
        )

    def test_invalid_values_fall_back(self):
        for params in (
            {"ppg": "abc"},
            {"category": "1; drop"},
            {"page": "-"},
            {"ppg": "33"},
            {"sort": "price; drop"},
        ):
            with self.subTest(params=params):
                query = CatalogQuery.from_params(params)
                self.assertEqual((query.ppg, query.sort, query.page), (20, "code", 1))
                self.assertEqual(query.category, 0)
        self.assertEqual(CatalogQuery.from_params({"page": "-3"}).page, 1)
        self.assertEqual(CatalogQuery.from_params({}, page="2").page, 2)
        self.assertEqual(CatalogQuery.from_params({"page": "3"}).page, 3)

    def test_long_search_is_cut_and_flagged(self):
        query = CatalogQuery.from_params({"search": "a" * (MAX_SEARCH + 5)})
        self.assertEqual(len(query.search), MAX_SEARCH)
        self.assertTrue(query.search_cut)
        self.assertFalse(CatalogQuery.from_params({"search": "болт"}).search_cut)

    def test_attribute_values_are_bounded(self):
        query = CatalogQuery.from_params({}, attr=[str(n) for n in range(80)])
        self.assertEqual(len(query.attr), 50)

    def test_offset_stays_within_the_pages(self):
        query = CatalogQuery(page=3, ppg=PAGE_SIZES[0])
        self.assertEqual(query.offset(100), 40)
        # beyond the last page: the last page, as the pager shows it
        self.assertEqual(query.offset(45), 40)
        self.assertEqual(query.offset(30), 20)
        self.assertEqual(query.offset(0), 0)

    def test_order_of_each_sort(self):
        self.assertEqual(CatalogQuery(sort="name").order, "name asc, id asc")
        # sorted by price elsewhere: the SKU order where prices are equal
        self.assertEqual(CatalogQuery(sort="price").order, "default_code asc, id asc")
        self.assertFalse(CatalogQuery(sort="new").by_price)
