"""The buyer's /my home with every addon: each tile shows its icon."""

import re

from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bCommon

ICON = re.compile(r'<div class="o_portal_icon[^"]*">\s*<img src="([^"]+)"')


@tagged("post_install", "-at_install")
class TestPortalHome(B2bCommon, HttpCase):
    # outside odoo.addons.*, Odoo does not name the module of the test
    test_module = "b2b_portal"

    def test_every_tile_icon_is_served(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/home")
        self.assertEqual(page.status_code, 200)
        self.assertIn("/my/b2b/quick-order", page.text)
        icons = set(ICON.findall(page.text))
        self.assertGreaterEqual(len(icons), 3, page.text[-2000:])
        for icon in icons:
            with self.subTest(icon=icon):
                self.assertEqual(self.url_open(icon).status_code, 200)
