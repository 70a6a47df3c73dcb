import re
import threading
import unittest

from odoo.tests import tagged

from .common import API, B2bApiHttpCase

try:
    from openapi_spec_validator import validate as validate_spec
except ImportError:  # requirements.txt installs it; a bare Odoo may not have it
    validate_spec = None


@tagged("post_install", "-at_install")
class TestOpenApi(B2bApiHttpCase):
    def document(self):
        response = self.url_open(f"{API}/openapi.json")
        self.assertEqual(response.status_code, 200)
        return response.json()

    @unittest.skipIf(
        validate_spec is None,
        "openapi-spec-validator is not installed (requirements.txt lists it)",
    )
    def test_document_valid(self):
        document = self.document()
        self.assertEqual(document["openapi"], "3.1.0")
        validate_spec(document)  # raises on an invalid document

    def test_document_lists_every_route(self):
        """Every route Odoo serves with ``auth="b2b_api"`` is in the
        document, with its methods (but those of an optional addon that is
        not installed: they answer 404); nothing else is."""
        routed = set()
        thread = threading.current_thread()
        patch = not hasattr(thread, "dbname")
        if patch:  # routing_map() reads the database of the thread
            thread.dbname = self.env.cr.dbname
            self.addCleanup(delattr, thread, "dbname")
        for rule in self.env["ir.http"].routing_map().iter_rules():
            if rule.endpoint.routing.get("auth") != "b2b_api":
                continue
            requires = rule.endpoint.b2b_api_endpoint.requires
            if requires and requires not in self.env:
                continue
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            for method in rule.endpoint.routing["methods"]:
                routed.add((path, method.lower()))
        documented = {
            (path, method)
            for path, item in self.document()["paths"].items()
            for method in item
        }
        self.assertEqual(documented, routed)
        self.assertIn((f"{API}/catalog/{{sku}}", "get"), documented)
        self.assertIn((f"{API}/prices", "post"), documented)

    def test_docs_page(self):
        response = self.url_open(f"{API}/docs")
        self.assertEqual(response.status_code, 200)
        for path in (f"{API}/catalog", f"{API}/prices", f"{API}/entities"):
            self.assertIn(path, response.text)
        self.assertIn("<code>X-B2B-Entity</code>", response.text)
        # self-contained: no script nor stylesheet from anywhere
        self.assertNotRegex(response.text, r"<script[^>]+src=|<link[^>]+stylesheet")
