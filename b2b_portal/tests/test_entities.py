from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import B2bCommon, inn, ogrn


class TestEntities(B2bCommon):
    """INN/KPP/OGRN checks on partners, memberships and who sees what."""

    def test_valid_identifiers_are_accepted(self):
        self.assertFalse(self.entity_a._b2b_check_identifiers())
        self.entity_a.write({"vat": "7707083893", "company_registry": "1027700132195"})

    def test_invalid_identifiers_get_a_clear_message(self):
        cases = [
            ({"vat": "7707083894"}, "INN 7707083894: the check digit is wrong"),
            ({"vat": "123"}, "INN 123: must have 10 digits"),
            ({"b2b_kpp": "77010100"}, "KPP 77010100: must have 9 characters"),
            (
                {"company_registry": "1027700132196"},
                "OGRN 1027700132196: the check digit is wrong",
            ),
        ]
        for vals, message in cases:
            # Odoo's assertRaises rolls back to a savepoint, as a request would
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as error:
                self.entity_a.write(vals)
            self.assertIn(message, str(error.exception))
        self.assertEqual(self.entity_a.vat, inn("770100001"), "nothing was written")

    def test_foreign_partners_keep_odoos_rules(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Foreign GmbH",
                "is_company": True,
                "country_id": self.env.ref("base.de").id,
                "vat": "DE123456789",
                "company_registry": "HRB 1234",
            }
        )
        self.assertTrue(partner.exists())

    def test_sole_trader_ogrnip(self):
        trader = self.env["res.partner"].create(
            {
                "name": "ИП Кузнецов А. В.",
                "is_company": True,
                "country_id": self.ru.id,
                "vat": inn("5001007320"),
                "company_registry": ogrn("30450011600015"),
            }
        )
        self.assertFalse(trader._b2b_check_identifiers())

    def test_membership_unique_and_on_companies_only(self):
        person = self.env["res.partner"].create({"name": "Иван Иванов"})
        with self.assertRaisesRegex(ValidationError, "is a person, not a legal entity"):
            self.env["b2b.membership"].create(
                {"user_id": self.buyer_a.id, "entity_id": person.id}
            )
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.env["b2b.membership"].create(
                {"user_id": self.buyer_a.id, "entity_id": self.entity_a.id}
            )

    def test_user_entities(self):
        self.assertEqual(self.buyer_a._b2b_entities(), self.entity_a)
        self.assertEqual(self.buyer_ab._b2b_entities(), self.entity_a | self.entity_b)
        self.entity_a.b2b_membership_ids.filtered(
            lambda m: m.user_id == self.buyer_ab
        ).active = False
        self.assertEqual(self.buyer_ab._b2b_entities(), self.entity_b)
        self.assertEqual(self.entity_b.b2b_membership_count, 2)

    def test_buyer_reads_own_entities_only(self):
        Partner = self.env["res.partner"].with_user(self.buyer_ab)
        both = self.entity_a | self.entity_b
        self.assertEqual(Partner.search([("id", "in", both.ids)]), both)
        # buyer_a is a member of A only: B is invisible by id and by search
        Partner = self.env["res.partner"].with_user(self.buyer_a)
        self.assertEqual(Partner.search([("id", "in", both.ids)]), self.entity_a)
        with self.assertRaises(AccessError):
            Partner.browse(self.entity_b.id).read(["name"])

    def test_buyer_sees_memberships_of_own_entities_only(self):
        Membership = self.env["b2b.membership"].with_user(self.buyer_a)
        visible = Membership.search([])
        self.assertEqual(visible.entity_id, self.entity_a)
        self.assertEqual(len(visible), 4, "buyer_a sees their colleagues in A, not B's")
        with self.assertRaises(AccessError):
            Membership.create(
                {"user_id": self.buyer_a.id, "entity_id": self.entity_b.id}
            )

    def test_new_membership_is_seen_at_once(self):
        """The rule is a relational path, so it is not frozen in ir.rule's cache."""
        Partner = self.env["res.partner"].with_user(self.buyer_a)
        self.assertFalse(Partner.search([("id", "=", self.entity_b.id)]))
        self.env["b2b.membership"].create(
            {"user_id": self.buyer_a.id, "entity_id": self.entity_b.id}
        )
        self.assertEqual(Partner.search([("id", "=", self.entity_b.id)]), self.entity_b)
