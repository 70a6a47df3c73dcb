from odoo.tests import BaseCase

from ..tools.openapi import Endpoint, Param, openapi_document
from ..tools.paging import decode_cursor, encode_cursor
from ..tools.schema import parse_param, validate

LINES = {
    "type": "object",
    "required": ["lines"],
    "additionalProperties": False,
    "properties": {
        "lines": {
            "type": "array",
            "maxItems": 2,
            "items": {
                "type": "object",
                "required": ["sku", "qty"],
                "properties": {
                    "sku": {"type": "string", "minLength": 1},
                    "qty": {"type": "number", "exclusiveMinimum": 0},
                },
            },
        }
    },
}


class TestSchema(BaseCase):
    def codes(self, value, schema=None):
        return [(i.path, i.code) for i in validate(value, schema or LINES)]

    def test_valid_body(self):
        self.assertEqual(self.codes({"lines": [{"sku": "A", "qty": 2}]}), [])

    def test_each_issue_named_by_its_path(self):
        self.assertEqual(
            self.codes({"lines": [{"sku": "", "qty": 0}, {"qty": "2"}], "x": 1}),
            [
                ("lines[0].sku", "min_length"),
                ("lines[0].qty", "minimum"),
                ("lines[1].sku", "required"),
                ("lines[1].qty", "type"),
                ("x", "unknown"),
            ],
        )

    def test_too_many_items_not_checked_one_by_one(self):
        self.assertEqual(self.codes({"lines": [{}, {}, {}]}), [("lines", "max_items")])

    def test_booleans_are_not_numbers(self):
        self.assertEqual(
            self.codes({"lines": [{"sku": "A", "qty": True}]}),
            [("lines[0].qty", "type")],
        )

    def test_params_read_from_text(self):
        self.assertEqual(parse_param("42", {"type": "integer"}), 42)
        self.assertIs(parse_param("true", {"type": "boolean"}), True)
        self.assertEqual(parse_param("1,5", {"type": "number"}), 1.5)
        with self.assertRaises(ValueError):
            parse_param("4x", {"type": "integer"})
        self.assertEqual(
            [
                i.code
                for i in validate(
                    "yesterday", {"type": "string", "format": "date-time"}
                )
            ],
            ["format"],
        )


class TestCursor(BaseCase):
    def test_round_trip_and_other_filters_refused(self):
        cursor = encode_cursor(1234, {"search": "bolt"})
        self.assertEqual(decode_cursor(cursor, {"search": "bolt"}), 1234)
        with self.assertRaises(ValueError):
            decode_cursor(cursor, {"search": "nut"})
        for junk in ("", "!!!", "eyJhZnRlciI6IC0xfQ", "bnVsbA"):
            with self.assertRaises(ValueError):
                decode_cursor(junk, {})


class TestOpenApi(BaseCase):
    def test_document_of_endpoints(self):
        endpoints = [
            Endpoint(
                path="/b2b/api/v1/carts/{id}/checkout",
                methods=("POST",),
                name="checkout",
                summary="Check out",
                scope="order",
                idempotent=True,
                params=(Param("id", {"type": "integer"}),),
                request_schema={"type": "object"},
                response_schema={"type": "object"},
                tags=("carts",),
            ),
            Endpoint(
                path="/b2b/api/v1/entities",
                methods=("GET",),
                name="entities",
                summary="Entities",
                entity=False,
            ),
        ]
        self.assertEqual(
            endpoints[0].odoo_path(), "/b2b/api/v1/carts/<int:id>/checkout"
        )
        document = openapi_document(endpoints, "T", "1")
        checkout = document["paths"]["/b2b/api/v1/carts/{id}/checkout"]["post"]
        refs = [p.get("$ref") for p in checkout["parameters"]]
        self.assertIn("#/components/parameters/IdempotencyKey", refs)
        self.assertIn("#/components/parameters/Entity", refs)
        self.assertIn("409", checkout["responses"])
        self.assertEqual(checkout["parameters"][0]["in"], "path")
        entities = document["paths"]["/b2b/api/v1/entities"]["get"]
        self.assertNotIn("409", entities["responses"])
        self.assertEqual(entities["parameters"], [])
