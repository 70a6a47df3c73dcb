from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    """The addon, its groups and its back-office menu, in a fresh database."""

    def test_module_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", "b2b_portal")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.latest_version, "19.0.1.0.0")
        for dependency in ("portal", "sale_stock", "sale_management"):
            self.assertIn(dependency, module.dependencies_id.mapped("name"))

    def test_groups_under_b2b_privilege(self):
        privilege = self.env.ref("b2b_portal.res_groups_privilege_b2b")
        user_group = self.env.ref("b2b_portal.group_b2b_user")
        manager_group = self.env.ref("b2b_portal.group_b2b_manager")
        self.assertEqual(privilege.name, "B2B Portal")
        self.assertEqual((user_group | manager_group).privilege_id, privilege)
        self.assertIn(user_group, manager_group.all_implied_ids)
        self.assertIn(
            self.env.ref("sales_team.group_sale_salesman"), user_group.all_implied_ids
        )
        self.assertIn(self.env.ref("base.user_admin"), manager_group.all_user_ids)

    def test_menu_visible_to_b2b_users_only(self):
        root = self.env.ref("b2b_portal.b2b_menu_root")
        config = self.env.ref("b2b_portal.b2b_menu_config")
        b2b_user = new_test_user(
            self.env, login="b2b_u", groups="b2b_portal.group_b2b_user"
        )
        manager = new_test_user(
            self.env, login="b2b_m", groups="b2b_portal.group_b2b_manager"
        )
        plain = new_test_user(self.env, login="plain", groups="base.group_user")
        portal = new_test_user(self.env, login="portal", groups="base.group_portal")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(root.id, Menu.with_user(b2b_user)._visible_menu_ids())
        self.assertNotIn(config.id, Menu.with_user(b2b_user)._visible_menu_ids())
        self.assertIn(config.id, Menu.with_user(manager)._visible_menu_ids())
        self.assertNotIn(root.id, Menu.with_user(plain)._visible_menu_ids())
        with self.assertRaises(AccessError):
            Menu.with_user(portal).load_menus(debug=False)

    def test_partner_form_shows_kpp_and_buyers(self):
        arch = self.env["res.partner"].get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertIn('name="b2b_kpp"', arch)
        self.assertIn('name="b2b_membership_count"', arch)
