import threading
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from .common import B2bCommon

READONLY = (
    "/my/b2b/catalog",
    "/my/b2b/catalog/page/2",
    "/my/b2b/product/1",
    "/my/b2b/compare",
)


@tagged("post_install", "-at_install")
class TestReadonlyRoutes(B2bCommon, HttpCase):
    """The catalog, the product page and the comparison are read-only
    routes: Odoo serves them on a read-only cursor (a read replica where
    ``db_replica_host`` is set). A test cursor of a read-only route refuses
    writes (``SET TRANSACTION READ ONLY``); a route that wrote would be
    retried on a read/write cursor with a warning, which these tests
    forbid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.create_fasteners("RO")
        cls.add_stock({cls.bolt: 40})

    def routing(self, path, method="GET"):
        """The routing of the endpoint serving ``path``, as Odoo's HTTP
        layer matches it (every addon's override merged)."""
        thread = threading.current_thread()
        with patch.object(thread, "dbname", self.env.cr.dbname, create=True):
            routes = self.env["ir.http"].routing_map()
        rule, _args = routes.bind("localhost").match(
            path, method=method, return_rule=True
        )
        return rule.endpoint.routing

    def test_routes_are_readonly(self):
        for path in READONLY:
            with self.subTest(path=path):
                self.assertIs(self.routing(path)["readonly"], True)
        # a route that writes stays read/write: the cart
        self.assertFalse(self.routing("/my/b2b/cart/add", "POST")["readonly"])

    def test_served_on_a_readonly_cursor_without_a_write(self):
        self.authenticate("buyer_a", "buyer_a")
        pages = {
            "/my/b2b/catalog?search=RO-": "RO-BOLT",
            f"/my/b2b/product/{self.bolt.id}": "RO-BOLT",
            f"/my/b2b/compare?ids={self.bolt.id},{self.nut.id}": "RO-NUT",
        }
        for url, text in pages.items():
            with self.subTest(url=url), self.assertNoLogs("odoo.http", "WARNING"):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(text, response.text)
