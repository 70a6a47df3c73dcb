"""b2b_api with every addon installed: the quick order (b2b_quick_order),
named carts (b2b_multicart), documents (b2b_edo) and claims (b2b_claims)
over HTTP with real keys. b2b_api's own tests run without these addons
(their endpoints answer 404 there and are not documented); these run
where the suite is whole."""

from odoo.tests import tagged

from odoo.addons.b2b_api.controllers import order_schemas as schemas
from odoo.addons.b2b_api.tests.common import B2bApiHttpCase
from odoo.addons.b2b_claims.tests.common import ClaimsCommon
from odoo.addons.b2b_edo.tests.common import EdoCommon


@tagged("post_install", "-at_install")
class TestApiSuite(B2bApiHttpCase, ClaimsCommon, EdoCommon):
    test_module = "b2b_api"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_stock({cls.bolt: 500, cls.nut: 500, cls.washer: 500})

    # -- quick order --------------------------------------------------------------
    def test_quick_order_preview_statuses(self):
        r = self.api(
            "POST",
            "/quick-order/preview",
            entity=self.entity_a,
            body={
                "lines": [
                    {"sku": "CLM-BOLT", "qty": 4},
                    {"sku": "NO-SUCH", "qty": 1},
                    {"sku": "clm-nut", "qty": 2, "unit": "шт"},
                    {"sku": "CLM-WASHER", "qty": 1, "unit": "bucket"},
                ]
            },
        )
        self.assertEqual(r.status_code, 200, r.text)
        answer = r.json()
        self.assertMatches(answer, schemas.QUICK_ORDER_PREVIEW)
        by_line = {line["line_no"]: line for line in answer["lines"]}
        self.assertEqual(
            [by_line[n]["status"] for n in (1, 2, 3, 4)],
            ["ok", "unknown", "ok", "unknown_unit"],
        )
        self.assertEqual(
            (by_line[1]["sku"], by_line[1]["subtotal"]), ("CLM-BOLT", 40.0)
        )
        self.assertEqual(by_line[3]["sku"], "CLM-NUT")
        self.assertEqual(answer["orderable"], 2)
        self.assertEqual(answer["total"], 46.0)
        self.assertTrue(by_line[2]["status_text"])
        self.assertEqual(by_line[4]["key"], "CLM-WASHER")
        text = self.api(
            "POST",
            "/quick-order/preview",
            entity=self.entity_a,
            body={"text": "CLM-BOLT\t3\nCLM-NUT 5 шт"},
        ).json()
        self.assertEqual([line["status"] for line in text["lines"]], ["ok", "ok"])
        # nothing is written by a preview; bad input is a clear error
        self.assertFalse(self.owner_a._b2b_current_cart(self.entity_a))
        self.assertError(
            self.api("POST", "/quick-order/preview", entity=self.entity_a, body={}),
            422,
            "invalid_request",
        )
        self.assertError(
            self.api(
                "POST",
                "/quick-order/preview",
                entity=self.entity_a,
                body={"lines": [{"sku": "CLM-BOLT", "qty": 0}]},
            ),
            422,
            "invalid_request",
        )

    def test_quick_order_confirm_into_a_named_cart_once(self):
        body = {
            "lines": [{"sku": "CLM-BOLT", "qty": 4}, {"sku": "NO-SUCH", "qty": 1}],
            "cart_name": "Объект Южный",
        }
        r = self.api(
            "POST", "/quick-order/confirm", entity=self.entity_a, body=body,
            idempotency_key="qo-1",
        )  # fmt: skip
        self.assertEqual(r.status_code, 201, r.text)
        self.assertMatches(r.json(), schemas.QUICK_ORDER_CONFIRM)
        self.assertEqual((r.json()["added"], r.json()["skipped"]), (1, 1))
        cart = self.env["sale.order"].browse(r.json()["cart"]["id"])
        self.assertEqual(cart.b2b_cart_name, "Объект Южный")
        self.assertEqual(cart.order_line.mapped("product_uom_qty"), [4])
        again = self.api(
            "POST", "/quick-order/confirm", entity=self.entity_a, body=body,
            idempotency_key="qo-1",
        )  # fmt: skip
        self.assertEqual(again.headers.get("Idempotent-Replayed"), "true")
        cart.invalidate_recordset()
        self.assertEqual(cart.order_line.mapped("product_uom_qty"), [4])
        # read-only keys and roles that do not order are refused
        self.assertError(
            self.api(
                "POST",
                "/quick-order/confirm",
                secret=self.read_secret_ab,
                entity=self.entity_a,
                body=body,
                idempotency_key="qo-2",
            ),  # fmt: skip
            403,
            "read_only_key",
        )
        _key, secret = self.issue_key(self.accountant_a, self.entity_a, access="order")
        self.assertError(
            self.api("POST", "/quick-order/preview", secret=secret, body=body),
            403,
            "role_forbidden",
        )
        # nothing orderable: refused, nothing written
        self.assertError(
            self.api(
                "POST",
                "/quick-order/confirm",
                entity=self.entity_a,
                body={"lines": [{"sku": "NO-SUCH", "qty": 1}]},
                idempotency_key="qo-3",
            ),  # fmt: skip
            422,
            "invalid",
        )
        self.assertEqual(
            self.env["sale.order"].search_count(
                [("b2b_is_cart", "=", True), ("partner_id", "=", self.entity_a.id)]
            ),
            1,
        )

    # -- named carts and their checkout --------------------------------------------
    def test_named_carts_and_checkout(self):
        ids = []
        for number, name in enumerate(("Склад", "Офис")):
            r = self.api(
                "POST", "/carts", entity=self.entity_a, body={"name": name},
                idempotency_key=f"c-{number}",
            )  # fmt: skip
            self.assertEqual(r.status_code, 201, r.text)
            self.assertEqual(r.json()["name"], name)
            ids.append(r.json()["id"])
        listed = self.api("GET", "/carts", entity=self.entity_a).json()["carts"]
        self.assertEqual(sorted(c["id"] for c in listed), sorted(ids))
        r = self.api(
            "POST", f"/carts/{ids[0]}/lines", entity=self.entity_a,
            body={"lines": [{"sku": "CLM-NUT", "qty": 6}]}, idempotency_key="l-1",
        )  # fmt: skip
        self.assertEqual(r.status_code, 200, r.text)
        path = f"/carts/{ids[0]}/checkout"
        body = {"note": "Звонить заранее", "contract_id": self.contract_a.id}
        r = self.api(
            "POST", path, entity=self.entity_a, body=body, idempotency_key="co"
        )
        self.assertEqual(r.status_code, 201, r.text)
        order = self.env["sale.order"].browse(r.json()["order"]["id"])
        self.assertEqual((order.state, order.b2b_note), ("sale", "Звонить заранее"))
        again = self.api(
            "POST", path, entity=self.entity_a, body=body, idempotency_key="co"
        )
        self.assertEqual(again.json(), r.json())
        self.assertEqual(
            self.env["sale.order"].search_count(
                [("b2b_entity_id", "=", self.entity_a.id), ("state", "=", "sale"),
                 ("b2b_is_cart", "=", True)]
            ),
            1,
        )  # fmt: skip
        # the other cart is empty: the portal's message
        error = self.assertError(
            self.api(
                "POST",
                f"/carts/{ids[1]}/checkout",
                entity=self.entity_a,
                body={},
                idempotency_key="co-2",
            ),  # fmt: skip
            422,
            "invalid",
        )
        self.assertIn("empty", error["message"])
        # B's member sees neither cart
        self.assertError(
            self.api("GET", f"/carts/{ids[1]}", secret=self.secret_b), 404, "not_found"
        )

    # -- documents and invoices -----------------------------------------------------
    def test_documents_list_and_files(self):
        document = self.create_document(number="ДОК-1", send=True)
        other = self.create_document(entity=self.entity_b, send=True)
        r = self.api("GET", "/documents", entity=self.entity_a)
        self.assertEqual(r.status_code, 200, r.text)
        self.assertMatches(r.json(), schemas.DOCUMENTS_PAGE)
        ids = [d["id"] for d in r.json()["documents"]]
        self.assertIn(document.id, ids)
        self.assertNotIn(other.id, ids)
        pdf = self.api("GET", f"/documents/{document.id}/pdf", entity=self.entity_a)
        self.assertEqual(pdf.status_code, 200, pdf.text[:300])
        self.assertEqual(pdf.content, self.PDF)
        self.assertError(
            self.api("GET", f"/documents/{document.id}/xml", entity=self.entity_a),
            404,
            "no_file",
        )
        self.assertError(
            self.api("GET", f"/documents/{other.id}/pdf", entity=self.entity_a),
            404,
            "not_found",
        )
        # an accountant reads documents; a buyer does not (as in the portal)
        _key, secret = self.issue_key(self.accountant_a, self.entity_a, access="read")
        self.assertEqual(self.api("GET", "/documents", secret=secret).status_code, 200)
        self.assertError(
            self.api(
                "GET", "/documents", secret=self.read_secret_ab, entity=self.entity_a
            ),
            403,
            "role_forbidden",
        )

    def test_document_xml(self):
        """A UPD's XML file is downloaded as it is stored."""
        document = self.create_document(number="УПД-1")
        xml = "<?xml version='1.0' encoding='windows-1251'?><Файл/>".encode("cp1251")
        attachment = self.env["ir.attachment"].create(
            {"name": "ON_NSCHFDOPPR_1.xml", "raw": xml, "mimetype": "application/xml"}
        )
        document.xml_attachment_id = attachment
        document.action_send()
        listed = self.api("GET", "/documents", entity=self.entity_a).json()
        [item] = [d for d in listed["documents"] if d["id"] == document.id]
        self.assertTrue(item["xml"])
        r = self.api("GET", f"/documents/{document.id}/xml", entity=self.entity_a)
        self.assertEqual(r.status_code, 200, r.text[:300])
        self.assertEqual(r.content, xml)
        self.assertEqual(r.headers["Content-Type"], "application/xml")
        self.assertError(
            self.api(
                "GET",
                f"/documents/{document.id}/xml",
                secret=self.read_secret_ab,
                entity=self.entity_b,
            ),  # fmt: skip
            404,
            "not_found",
        )

    def test_invoices(self):
        if self.invoice_a.state == "draft":
            self.invoice_a.action_post()
        r = self.api("GET", "/invoices", entity=self.entity_a)
        self.assertEqual(r.status_code, 200, r.text)
        self.assertMatches(r.json(), schemas.INVOICES_PAGE)
        [invoice] = r.json()["invoices"]
        self.assertEqual(
            (invoice["id"], invoice["orders"][0]["id"]),
            (self.invoice_a.id, self.order_a.id),
        )
        # B's owner sees none of A's; B's buyer reads no invoices at all
        owner_b = {"secret": self.read_secret_ab, "entity": self.entity_b}
        self.assertEqual(self.api("GET", "/invoices", **owner_b).json()["invoices"], [])
        self.assertError(
            self.api("GET", f"/invoices/{self.invoice_a.id}/pdf", **owner_b),
            404,
            "not_found",
        )
        self.assertError(
            self.api("GET", "/invoices", secret=self.secret_b), 403, "role_forbidden"
        )

    # -- claims -----------------------------------------------------------------------
    def test_file_a_claim_once(self):
        claimable = self.api(
            "GET", "/claims/claimable", entity=self.entity_a,
            params={"order_id": self.order_a.id},
        )  # fmt: skip
        self.assertEqual(claimable.status_code, 200, claimable.text)
        lines = {line["sku"]: line for line in claimable.json()["lines"]}
        self.assertEqual(lines["CLM-BOLT"]["left_qty"], 10)
        body = {
            "order_id": self.order_a.id,
            "claim_type_id": self.type_defect.id,
            "description": "Сорвана резьба",
            "lines": [
                {"move_line_id": self.ml_bolt.id, "qty": 2, "demand": "replacement"}
            ],
        }
        r = self.api("POST", "/claims", entity=self.entity_a, body=body,
                     idempotency_key="cl-1")  # fmt: skip
        self.assertEqual(r.status_code, 201, r.text)
        self.assertMatches(r.json(), schemas.CLAIM)
        again = self.api("POST", "/claims", entity=self.entity_a, body=body,
                         idempotency_key="cl-1")  # fmt: skip
        self.assertEqual(again.headers.get("Idempotent-Replayed"), "true")
        claims = self.env["b2b.claim"].search([("entity_id", "=", self.entity_a.id)])
        self.assertEqual(claims.ids, [r.json()["id"]])
        listed = self.api("GET", "/claims", entity=self.entity_a).json()
        self.assertEqual([c["id"] for c in listed["claims"]], claims.ids)
        self.assertIn(self.type_defect.id, [t["id"] for t in listed["types"]])
        # more than delivered: the portal's check, nothing written
        body["lines"][0]["qty"] = 50
        self.assertError(
            self.api(
                "POST",
                "/claims",
                entity=self.entity_a,
                body=body,
                idempotency_key="cl-2",
            ),  # fmt: skip
            422,
            "invalid",
        )
        # another entity's order, a read-only key: refused
        body["lines"][0]["qty"] = 1
        self.assertError(
            self.api(
                "POST",
                "/claims",
                secret=self.secret_b,
                body=body,
                idempotency_key="cl-3",
            ),  # fmt: skip
            404,
            "not_found",
        )
        self.assertError(
            self.api(
                "POST",
                "/claims",
                secret=self.read_secret_ab,
                entity=self.entity_a,
                body=body,
                idempotency_key="cl-4",
            ),  # fmt: skip
            403,
            "read_only_key",
        )
        self.assertEqual(self.api("GET", "/claims", secret=self.secret_b).json()[
            "claims"], [])  # fmt: skip
        self.assertEqual(self.env["b2b.claim"].search_count([]), 1)

    def test_openapi_lists_the_optional_endpoints(self):
        paths = self.url_open("/b2b/api/v1/openapi.json").json()["paths"]
        for path in (
            "/quick-order/preview",
            "/quick-order/confirm",
            "/documents/{id}/xml",
            "/claims",
            "/invoices/{id}/pdf",
        ):
            self.assertIn("/b2b/api/v1" + path, paths)
