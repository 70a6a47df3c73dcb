from odoo.tests import HttpCase, new_test_user, tagged

from .common import B2bCommon, B2bHttpMixin


@tagged("post_install", "-at_install")
class TestMembers(B2bHttpMixin, B2bCommon, HttpCase):
    """An owner's colleagues: invite, change a role, remove access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague = new_test_user(
            cls.env,
            login="colleague@example.com",
            password="colleague@example.com",
            groups="base.group_portal",
            name="Коллега",
        )
        Membership = cls.env["b2b.membership"]
        cls.owner_a = Membership.search(
            [("user_id", "=", cls.buyer_a.id), ("entity_id", "=", cls.entity_a.id)]
        )
        cls.buyer_ab_in_a = Membership.search(
            [("user_id", "=", cls.buyer_ab.id), ("entity_id", "=", cls.entity_a.id)]
        )
        cls.owner_b = Membership.search(
            [("user_id", "=", cls.buyer_ab.id), ("entity_id", "=", cls.entity_b.id)]
        )

    def url(self, entity, tail=""):
        return f"/my/b2b/entities/{entity.id}/members{tail}"

    def memberships(self, entity):
        return self.env["b2b.membership"].search([("entity_id", "=", entity.id)])

    def test_owner_sees_the_members_and_their_roles(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(self.url(self.entity_a))
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.text.count('class="o_b2b_member_row"'), 4)
        self.assertIn("Buyer AB", page.text)
        self.assertIn("buyer_ab", page.text)
        # the entities page leads there
        page = self.url_open("/my/b2b/entities").text
        self.assertIn(self.url(self.entity_a), page)

    def test_invite_an_existing_portal_user(self):
        """An existing account (of another customer, maybe) is not added at
        once: the invitation waits for its answer, and until then the owner
        sees only the e-mail they typed."""
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(
            self.url(self.entity_a, "/invite"),
            email=" Colleague@Example.com ",
            role="accountant",
        )
        self.assertEqual(response.status_code, 303, response.text[:2000])
        self.assertIn("done=invited", response.headers["Location"])
        self.assertFalse(self.colleague._b2b_role(self.entity_a))
        self.assertFalse(self.colleague._b2b_entities())
        page = self.url_open(self.url(self.entity_a)).text
        self.assertIn("colleague@example.com", page)
        self.assertNotIn("Коллега", page)
        self.assertIn("o_b2b_invitation_row", page)
        # the invitee reads nothing of the entity before answering
        Order = self.env["sale.order"].with_user(self.colleague)
        self.assertFalse(Order.search([("partner_id", "=", self.entity_a.id)]))
        self.authenticate("colleague@example.com", "colleague@example.com")
        # no entity yet: the catalog sends them to the registration form
        response = self.url_open("/my/b2b/catalog", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/my/b2b/entities/register", response.headers["Location"])
        page = self.url_open("/my/b2b/entities").text
        self.assertIn("o_b2b_invitation", page)
        invitation = self.env["b2b.membership"]._b2b_invitations(self.colleague)
        self.assertEqual(len(invitation), 1)
        # nobody else answers it
        self.authenticate("buyer_ab", "buyer_ab")
        response = self.post(f"/my/b2b/invitations/{invitation.id}/accept")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.colleague._b2b_entities())
        self.authenticate("colleague@example.com", "colleague@example.com")
        response = self.post(f"/my/b2b/invitations/{invitation.id}/accept")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.colleague._b2b_role(self.entity_a), "accountant")
        self.assertEqual(self.colleague._b2b_entities(), self.entity_a)
        # answered once only; then a member: refused, nothing changes
        response = self.post(f"/my/b2b/invitations/{invitation.id}/decline")
        self.assertEqual(response.status_code, 404)
        self.authenticate("buyer_a", "buyer_a")
        self.assertIn("Коллега", self.url_open(self.url(self.entity_a)).text)
        response = self.post(
            self.url(self.entity_a, "/invite"),
            email="colleague@example.com",
            role="owner",
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("is already a member", response.text)
        self.assertEqual(self.colleague._b2b_role(self.entity_a), "accountant")

    def test_declined_or_withdrawn_invitation_gives_no_access(self):
        membership = self.env["b2b.membership"]._b2b_invite(
            self.entity_a, "colleague@example.com", "buyer"
        )
        self.assertTrue(membership.pending)
        self.authenticate("colleague@example.com", "colleague@example.com")
        response = self.post(f"/my/b2b/invitations/{membership.id}/decline")
        self.assertEqual(response.status_code, 303)
        self.assertFalse(membership.pending or membership.active)
        self.assertFalse(self.colleague._b2b_entities())
        # invited again, then withdrawn by the owner before the answer
        self.env["b2b.membership"]._b2b_invite(
            self.entity_a, "colleague@example.com", "buyer"
        )
        self.assertTrue(membership.pending)
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(self.url(self.entity_a, f"/{membership.id}/remove"))
        self.assertEqual(response.status_code, 303)
        self.assertFalse(membership.pending or membership.active)
        self.authenticate("colleague@example.com", "colleague@example.com")
        response = self.post(f"/my/b2b/invitations/{membership.id}/accept")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.colleague._b2b_entities())

    def test_invite_a_new_email(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(
            self.url(self.entity_a, "/invite"),
            email="new.buyer@example.com",
            name="Пётр Новиков",
            role="buyer",
        )
        self.assertEqual(response.status_code, 303, response.text[:2000])
        user = self.env["res.users"].search([("login", "=", "new.buyer@example.com")])
        self.assertEqual(len(user), 1)
        self.assertTrue(user._is_portal())
        self.assertEqual(user.name, "Пётр Новиков")
        self.assertEqual(user.partner_id.parent_id, self.entity_a, "a contact of A")
        self.assertEqual(user.partner_id.email, "new.buyer@example.com")
        self.assertEqual(user._b2b_role(self.entity_a), "buyer")
        self.assertTrue(user.partner_id.signup_type, "invited to set a password")

    def test_bad_invitations_write_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        users_before = (
            self.env["res.users"].with_context(active_test=False).search_count([])
        )
        # staff are not buyers
        self.manager.login = "b2b_mgr@example.com"
        cases = [
            ({"email": "not-an-address", "role": "buyer"}, "is not an e-mail address"),
            (
                {"email": "x@example.com", "role": "admin"},
                "Choose a role from the list",
            ),
            ({"email": "b2b_mgr@example.com", "role": "buyer"}, "cannot be invited"),
        ]
        for data, message in cases:
            with self.subTest(data=data):
                response = self.post(self.url(self.entity_a, "/invite"), **data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertIn("Nothing was changed", response.text)
        self.assertEqual(len(self.memberships(self.entity_a)), 4)
        self.assertEqual(
            self.env["res.users"].with_context(active_test=False).search_count([]),
            users_before,
        )
        self.assertFalse(
            self.env["res.partner"].search([("email", "=", "x@example.com")])
        )

    def test_change_a_role(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(
            self.url(self.entity_a, f"/{self.buyer_ab_in_a.id}/role"), role="accountant"
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.buyer_ab_in_a.role, "accountant")
        response = self.post(
            self.url(self.entity_a, f"/{self.buyer_ab_in_a.id}/role"), role="king"
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.buyer_ab_in_a.role, "accountant")

    def test_remove_access_archives_the_membership(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(
            self.url(self.entity_a, f"/{self.buyer_ab_in_a.id}/remove")
        )
        self.assertEqual(response.status_code, 303)
        self.assertFalse(self.buyer_ab_in_a.active)
        self.assertTrue(self.buyer_ab_in_a.exists(), "archived, not deleted")
        self.assertEqual(self.buyer_ab._b2b_entities(), self.entity_b)
        # an archived membership cannot be acted on any more
        response = self.post(
            self.url(self.entity_a, f"/{self.buyer_ab_in_a.id}/role"), role="owner"
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.buyer_ab_in_a.role, "buyer")
        # a removed colleague invited again gets the same membership back,
        # once they accept again
        invite = self.url(self.entity_a, "/invite")
        self.post(invite, email="colleague@example.com", role="buyer")
        membership = self.env["b2b.membership"]._b2b_invitations(self.colleague)
        membership._b2b_answer(True)
        self.post(self.url(self.entity_a, f"/{membership.id}/remove"))
        self.assertFalse(membership.active)
        response = self.post(invite, email="colleague@example.com", role="viewer")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            (membership.active, membership.pending, membership.role),
            (False, True, "viewer"),
        )
        membership._b2b_answer(True)
        self.assertEqual(self.colleague._b2b_role(self.entity_a), "viewer")

    def test_last_owner_cannot_be_removed(self):
        self.authenticate("buyer_a", "buyer_a")
        for tail, data in (
            (f"/{self.owner_a.id}/remove", {}),
            (f"/{self.owner_a.id}/role", {"role": "buyer"}),
        ):
            with self.subTest(tail=tail):
                response = self.post(self.url(self.entity_a, tail), **data)
                self.assertEqual(response.status_code, 400)
                self.assertIn("must keep at least one owner", response.text)
        self.assertTrue(self.owner_a.active)
        self.assertEqual(self.owner_a.role, "owner")
        # with a second owner, the first one may leave
        self.post(
            self.url(self.entity_a, f"/{self.buyer_ab_in_a.id}/role"), role="owner"
        )
        response = self.post(self.url(self.entity_a, f"/{self.owner_a.id}/remove"))
        self.assertEqual(response.status_code, 303)
        self.assertFalse(self.owner_a.active)

    def test_buyer_who_is_not_owner_gets_403(self):
        self.authenticate("buyer_ab", "buyer_ab")  # a buyer in A
        self.assertEqual(self.url_open(self.url(self.entity_a)).status_code, 403)
        for tail, data in (
            ("/invite", {"email": "colleague@example.com", "role": "owner"}),
            (f"/{self.buyer_ab_in_a.id}/role", {"role": "owner"}),
            (f"/{self.owner_a.id}/role", {"role": "viewer"}),
            (f"/{self.owner_a.id}/remove", {}),
        ):
            with self.subTest(tail=tail):
                response = self.post(self.url(self.entity_a, tail), **data)
                self.assertEqual(response.status_code, 403)
        self.assertEqual(self.buyer_ab_in_a.role, "buyer")
        self.assertEqual(self.owner_a.role, "owner")
        self.assertTrue(self.owner_a.active)
        self.assertFalse(
            self.colleague.with_context(active_test=False).b2b_membership_ids
        )

    def test_other_entity_and_foreign_ids_get_404(self):
        self.authenticate("buyer_a", "buyer_a")  # owner of A only
        for entity_id in (self.entity_b.id, 999999):
            base = f"/my/b2b/entities/{entity_id}/members"
            with self.subTest(entity_id=entity_id):
                self.assertEqual(self.url_open(base).status_code, 404)
                for tail, data in (
                    ("/invite", {"email": "colleague@example.com", "role": "owner"}),
                    (f"/{self.owner_b.id}/role", {"role": "viewer"}),
                    (f"/{self.owner_b.id}/remove", {}),
                ):
                    response = self.post(base + tail, **data)
                    self.assertEqual(response.status_code, 404, tail)
        # an owner of B cannot reach A's memberships through B's url
        self.authenticate("buyer_ab", "buyer_ab")
        for tail, data in (
            (f"/{self.owner_a.id}/role", {"role": "viewer"}),
            (f"/{self.owner_a.id}/remove", {}),
            ("/999999/remove", {}),
        ):
            response = self.post(self.url(self.entity_b, tail), **data)
            self.assertEqual(response.status_code, 404, tail)
        self.assertEqual(self.owner_b.role, "owner")
        self.assertEqual((self.owner_a.role, self.owner_a.active), ("owner", True))
        self.assertFalse(
            self.colleague.with_context(active_test=False).b2b_membership_ids
        )
