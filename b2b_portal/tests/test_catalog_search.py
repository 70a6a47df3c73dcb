from odoo.tests.common import BaseCase

from ..tools.catalog_search import (
    MAX_TERMS,
    like_pattern,
    looks_like_code,
    normalize,
    parse_search,
)
from ..tools.price_sort import price_sort_base


class TestCatalogSearch(BaseCase):
    def test_sizes_are_written_with_the_times_sign(self):
        for text in ("6x40", "6X40", "6х40", "6Х40", "6*40", "6 x 40", "6×40"):
            with self.subTest(text=text):
                self.assertEqual(normalize(text), "6×40")
        self.assertEqual(normalize("M8x20x1,25"), "M8×20×1,25")
        self.assertEqual(normalize("box 2x"), "box 2x", "only between digits")
        self.assertEqual(normalize("Xerox"), "Xerox")

    def test_terms_split_at_spaces_commas_semicolons_and_lines(self):
        search = parse_search(
            " SCR-01001, SCR-01002;SCR-01003\nSCR-01004\r\n\tANC-02005 "
        )
        self.assertEqual(
            search.terms,
            ("SCR-01001", "SCR-01002", "SCR-01003", "SCR-01004", "ANC-02005"),
        )
        self.assertTrue(search.codes)
        self.assertEqual(parse_search("a,b").terms, ("a", "b"))

    def test_decimal_comma_is_kept(self):
        self.assertEqual(parse_search("3,5x25").terms, ("3,5×25",))
        self.assertEqual(parse_search("M8x1,25").terms, ("M8×1,25",))
        self.assertEqual(parse_search("1,5,2").terms, ("1,5,2",))
        self.assertEqual(parse_search("саморез 4,2x35").terms, ("саморез", "4,2×35"))

    def test_duplicates_and_empty_terms_are_dropped(self):
        self.assertEqual(parse_search("scr-1 SCR-1 ,, ;").terms, ("scr-1",))
        self.assertEqual(parse_search("  ,; \n").terms, ())
        self.assertEqual(parse_search(None).terms, ())

    def test_codes_or_words(self):
        cases = {
            "SCR-01001 SCR-01002": True,
            "4607001000018,4607001000025": True,
            "SCR-01001": False,  # one term: a substring of SKUs or names
            "болт 6x40": False,
            "тестовый M2": False,  # M2 is too short to be a code
            "DIN 933": False,  # DIN has no digit
            "6x40 8x50": False,  # "×" is not in codes
        }
        for text, codes in cases.items():
            with self.subTest(text=text):
                self.assertEqual(parse_search(text).codes, codes)
        self.assertTrue(looks_like_code("TST-0001"))
        self.assertTrue(looks_like_code("a1b2/c.3_d"))
        self.assertFalse(looks_like_code("ABCD"))
        self.assertFalse(looks_like_code("Б-1234"))

    def test_too_many_terms(self):
        text = " ".join(f"SKU-{n:04d}" for n in range(MAX_TERMS + 7))
        search = parse_search(text)
        self.assertEqual(len(search.terms), MAX_TERMS)
        self.assertEqual(search.dropped, 7)

    def test_wildcards_are_literal(self):
        self.assertEqual(like_pattern("50%"), "50\\%")
        self.assertEqual(like_pattern("A_B"), "A\\_B")
        self.assertEqual(like_pattern("a\\b"), "a\\\\b")
        self.assertEqual(like_pattern("6×40"), "6×40")


def rule(**values):
    return {"applied_on": "3_global", "compute_price": "percentage", **values}


class TestPriceSort(BaseCase):
    def base(self, pricelists, start=1):
        return price_sort_base(start, lambda pid: pricelists.get(pid, []))

    def test_sorts_like_the_sales_price(self):
        cases = {
            "no rule": {1: []},
            "percent off": {1: [rule(percent_price=15)]},
            "fixed": {1: [rule(compute_price="fixed")]},
            "formula with rounding": {
                1: [rule(compute_price="formula", price_discount=-20, price_round=1)]
            },
            "on another price list": {
                1: [rule(base="pricelist", base_pricelist_id=2, percent_price=5)],
                2: [rule(percent_price=10), rule(percent_price=20)],
            },
        }
        for name, pricelists in cases.items():
            with self.subTest(name):
                self.assertEqual(self.base(pricelists), "list_price")

    def test_needs_the_prices(self):
        cases = {
            "a product rule": {
                1: [rule(), rule(applied_on="1_product", percent_price=50)]
            },
            "a category rule": {1: [rule(applied_on="2_product_category")]},
            "on cost": {1: [rule(compute_price="formula", base="standard_price")]},
            "more than 100% off": {1: [rule(percent_price=150)]},
            "based on a product rule": {
                1: [rule(base="pricelist", base_pricelist_id=2)],
                2: [rule(applied_on="0_product_variant")],
            },
            "a cycle": {
                1: [rule(base="pricelist", base_pricelist_id=2)],
                2: [rule(base="pricelist", base_pricelist_id=1)],
            },
        }
        for name, pricelists in cases.items():
            with self.subTest(name):
                self.assertIsNone(self.base(pricelists))
