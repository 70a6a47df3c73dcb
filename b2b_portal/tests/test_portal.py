from urllib.parse import urlsplit

from odoo.tests import HttpCase, tagged

from .common import B2bCommon


@tagged("post_install", "-at_install")
class TestPortal(B2bCommon, HttpCase):
    """What a buyer gets in the browser."""

    def test_portal_user_cannot_open_back_office(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open(
            "/odoo/action-b2b_portal.res_partner_action_b2b_entities",
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(urlsplit(response.headers["Location"]).path, "/my")
        # the menus themselves are refused to a portal user
        response = self.url_open("/web/webclient/load_menus", allow_redirects=False)
        self.assertNotIn("b2b_menu_root", response.text)
        self.assertNotIn('"B2B"', response.text)

    def test_portal_home_lists_own_entities_only(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my").text
        self.assertIn("ООО «Альфа»", page)
        self.assertNotIn("ООО «Бета»", page)

    def test_tour_buyer_of_two_entities(self):
        self.start_tour("/my", "b2b_portal_home_entities", login="buyer_ab")
