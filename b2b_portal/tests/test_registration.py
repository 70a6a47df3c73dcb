from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import BaseCase

from ..tools import entity_form, ru_requisites
from .common import B2bCommon, B2bHttpMixin, inn, ogrn

BIC = "044525999"  # unknown to the database: registration creates the bank
ACCOUNT = ru_requisites.bank_account_with_key("40702810000000000001", BIC)


class TestRuRequisites(BaseCase):
    """The bank requisites kernel, without a database."""

    def test_bic(self):
        self.assertIsNone(ru_requisites.check_bic("044525225"))
        self.assertEqual(ru_requisites.check_bic("04452522"), "bic_format")
        self.assertEqual(ru_requisites.check_bic("144525225"), "bic_format")

    def test_account_control_key(self):
        self.assertIsNone(
            ru_requisites.check_bank_account("40702810038000017240", "044525225")
        )
        self.assertEqual(
            ru_requisites.check_bank_account("40702810138000017240", "044525225"),
            "account_checksum",
        )
        self.assertEqual(
            ru_requisites.check_bank_account("4070281003800001724", "044525225"),
            "account_format",
        )
        self.assertIsNone(ru_requisites.check_bank_account(ACCOUNT, BIC))
        self.assertEqual(ru_requisites.check_postcode("1010"), "postcode_format")
        self.assertIsNone(ru_requisites.check_postcode("101000"))


class TestEntityFormKernel(BaseCase):
    """The portal form checks, without a database."""

    def clean(self, **form):
        return entity_form.clean(
            form,
            entity_form.REGISTRATION_KEYS,
            required=entity_form.REGISTRATION_REQUIRED,
            tax_systems=("osn",),
        )

    def test_values_are_stripped_and_compacted(self):
        values, errors = self.clean(
            name=" ООО «Тест» ",
            inn=" 7707 083 893 ",
            kpp="7736ab001",
            ogrn="1027700132195",
            tax_system="osn",
            street="ул. Вавилова, 19",
            city="Москва",
            email="Info@Example.com",
            bank_account="4070 2810 0380 0001 7240",
            bank_bic="044525225",
        )
        self.assertEqual(errors, {})
        self.assertEqual(values["name"], "ООО «Тест»")
        self.assertEqual(values["inn"], "7707083893")
        self.assertEqual(values["kpp"], "7736AB001")
        self.assertEqual(values["bank_account"], "40702810038000017240")

    def test_every_error_code_is_declared(self):
        cases = [
            {"name": "x" * 201},
            {"inn": "7707083893", "kpp": ""},
            {"inn": inn("5001007320"), "kpp": "773601001"},
            {"inn": "7707083893", "ogrn": "304500116000157"},
            {"inn": inn("5001007320"), "ogrn": "1027700132195"},
            {"tax_system": "offshore"},
            {"email": "nobody"},
            {"phone": "call me"},
            {"delivery_zip": "101000"},
            {"bank_bic": "044525225"},
        ]
        codes = set()
        for form in cases:
            codes |= set(self.clean(**form)[1].values())
        self.assertTrue(set(entity_form.ERROR_CODES) <= codes, codes)
        _values, errors = self.clean()
        self.assertEqual(
            set(errors), set(entity_form.REGISTRATION_REQUIRED), "all required"
        )


@tagged("post_install", "-at_install")
class TestRegistration(B2bHttpMixin, B2bCommon, HttpCase):
    """/my/b2b/entities and the registration of a legal entity by a buyer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a portal user right after Odoo's signup: no entity, no company
        cls.newcomer = new_test_user(
            cls.env, login="newcomer", groups="base.group_portal", name="Новичок"
        )
        cls.form = {
            "name": "ООО «Гамма»",
            "inn": inn("773000007"),
            "kpp": "773001001",
            "ogrn": ogrn("102773000007"),
            "tax_system": "usn_income",
            "street": "ул. Ленина, 1",
            "city": "Москва",
            "zip": "101000",
            "phone": "+7 495 123-45-67",
            "email": "info@gamma.example.com",
            "delivery_street": "ш. Складское, 7",
            "delivery_city": "Подольск",
            "delivery_zip": "142100",
            "bank_account": ACCOUNT,
            "bank_bic": BIC,
            "bank_name": "АО «Тестбанк»",
        }

    def register(self, **changes):
        return self.post("/my/b2b/entities/register", self.form, **changes)

    def entities_with_inn(self, value):
        return (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("vat", "=", value), ("is_company", "=", True)])
        )

    def assert_nothing_written(self):
        self.assertFalse(self.entities_with_inn(self.form["inn"]))
        self.assertFalse(
            self.env["b2b.membership"]
            .with_context(active_test=False)
            .search([("user_id", "=", self.newcomer.id)])
        )
        self.assertFalse(self.newcomer.partner_id.parent_id)
        self.assertFalse(self.env["res.bank"].search([("bic", "=", BIC)]))

    def test_anonymous_is_sent_to_login(self):
        for url in (
            "/my/b2b/entities",
            "/my/b2b/entities/register",
            f"/my/b2b/entities/{self.entity_a.id}/change",
            f"/my/b2b/entities/{self.entity_a.id}/members",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            self.assertIn("/web/login", response.headers["Location"], url)

    def test_register_creates_a_pending_entity_and_its_owner(self):
        self.authenticate("newcomer", "newcomer")
        page = self.url_open("/my/b2b/entities")
        self.assertIn("You do not act for any legal entity yet", page.text)
        self.assertEqual(self.url_open("/my/b2b/entities/register").status_code, 200)
        response = self.register()
        self.assertEqual(response.status_code, 303, response.text[:2000])
        self.assertIn("/my/b2b/entities?done=registered", response.headers["Location"])

        entity = self.entities_with_inn(self.form["inn"])
        self.assertEqual(len(entity), 1)
        self.assertRecordValues(
            entity,
            [
                {
                    "name": "ООО «Гамма»",
                    "is_company": True,
                    "country_id": self.ru.id,
                    "b2b_kpp": "773001001",
                    "company_registry": self.form["ogrn"],
                    "b2b_tax_system": "usn_income",
                    "b2b_state": "pending",
                    "street": "ул. Ленина, 1",
                    "city": "Москва",
                    "zip": "101000",
                    "email": "info@gamma.example.com",
                }
            ],
        )
        delivery = entity.child_ids.filtered(lambda p: p.type == "delivery")
        self.assertEqual(
            (delivery.street, delivery.city, delivery.zip),
            ("ш. Складское, 7", "Подольск", "142100"),
        )
        self.assertEqual(entity.bank_ids.acc_number, ACCOUNT)
        self.assertEqual(entity.bank_ids.bank_id.bic, BIC)
        self.assertEqual(entity.bank_ids.bank_id.name, "АО «Тестбанк»")
        membership = self.env["b2b.membership"].search(
            [("user_id", "=", self.newcomer.id)]
        )
        self.assertEqual((membership.entity_id, membership.role), (entity, "owner"))
        self.assertEqual(self.newcomer.partner_id.parent_id, entity, "founding contact")
        activity = entity.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("b2b_portal.mail_activity_b2b_verify")
        )
        self.assertIn(self.manager, activity.user_id)

        page = self.url_open("/my/b2b/entities?done=registered").text
        self.assertIn("sent to verification", page)
        self.assertIn("ООО «Гамма»", page)
        self.assertIn("Pending verification", page)
        # visible, but no orders before the approval
        response = self.post("/my/b2b/cart/add", qty_1="1")
        self.assertNotEqual(response.status_code, 303)
        self.assertFalse(self.newcomer._b2b_current_cart(entity))
        self.assertIn("is not verified yet", entity._b2b_order_blockers()[0])

    def test_bad_identifiers_give_their_message_and_write_nothing(self):
        self.authenticate("newcomer", "newcomer")
        bad_inn = self.form["inn"][:-1] + str((int(self.form["inn"][-1]) + 1) % 10)
        bad_ogrn = self.form["ogrn"][:-1] + str((int(self.form["ogrn"][-1]) + 1) % 10)
        cases = [
            ({"inn": bad_inn}, "INN: the check digit is wrong", bad_inn),
            ({"inn": "12345"}, "INN: must have 10 digits", "12345"),
            ({"kpp": "7730010"}, "KPP: must have 9 characters", "7730010"),
            ({"kpp": ""}, "An organisation has a KPP", ""),
            ({"ogrn": bad_ogrn}, "OGRN: the check digit is wrong", bad_ogrn),
            ({"ogrn": "12345"}, "OGRN: must have 13 digits", "12345"),
        ]
        for changes, message, typed in cases:
            with self.subTest(changes=changes):
                response = self.register(**changes)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertIn("Nothing was registered", response.text)
                # the form comes back with what was typed
                self.assertIn(f'value="{typed}"', response.text)
                self.assertIn('value="ул. Ленина, 1"', response.text)
                self.assert_nothing_written()

    def test_other_fields_are_checked(self):
        self.authenticate("newcomer", "newcomer")
        wrong_key = ACCOUNT[:8] + str((int(ACCOUNT[8]) + 1) % 10) + ACCOUNT[9:]
        cases = [
            ({"name": " "}, "Name: Required."),
            ({"tax_system": "offshore"}, "Choose a tax system from the list."),
            ({"zip": "1010"}, "a postcode has 6 digits"),
            ({"email": "not an address"}, "This is not an e-mail address."),
            ({"bank_bic": "12345"}, "a BIC has 9 digits and starts with 04"),
            ({"bank_account": wrong_key}, "does not match the BIC"),
            ({"bank_bic": ""}, "Give both the account number and BIC."),
            ({"delivery_city": "", "delivery_street": ""}, "Required for a delivery"),
        ]
        for changes, message in cases:
            with self.subTest(changes=changes):
                response = self.register(**changes)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assert_nothing_written()

    def test_duplicate_inn_and_kpp_is_refused(self):
        self.authenticate("newcomer", "newcomer")
        response = self.register(inn=self.entity_a.vat, kpp=self.entity_a.b2b_kpp)
        self.assertEqual(response.status_code, 400)
        self.assertIn("is already registered", response.text)
        self.assertNotIn("Альфа", response.text, "the other entity is not named")
        self.assertEqual(len(self.entities_with_inn(self.entity_a.vat)), 1)
        self.assertFalse(self.newcomer.b2b_membership_ids)
        # a branch (another KPP) of the same organisation is a new entity
        response = self.register(
            inn=self.entity_a.vat,
            kpp="770145001",
            ogrn=self.entity_a.company_registry,
            bank_account="",
            bank_bic="",
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(len(self.entities_with_inn(self.entity_a.vat)), 2)

    def test_known_bic_and_sole_trader(self):
        bank = self.env["res.bank"].create({"name": "Известный банк", "bic": BIC})
        self.authenticate("newcomer", "newcomer")
        trader_inn = inn("5001007320")
        response = self.register(
            name="ИП Кузнецов А. В.",
            inn=trader_inn,
            kpp="",
            ogrn=ogrn("30450011600015"),
            bank_name="",
        )
        self.assertEqual(response.status_code, 303, response.text[:2000])
        trader = self.entities_with_inn(trader_inn)
        self.assertEqual(trader.bank_ids.bank_id, bank)
        self.assertFalse(trader.b2b_kpp)
        # a sole trader has no KPP and a 15-digit OGRNIP
        response = self.register(
            inn=inn("5001007321"[:10]), kpp="500101001", ogrn=ogrn("30450011600016")
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("A sole trader has no KPP", response.text)

    def test_user_with_a_company_stays_its_contact(self):
        """buyer_a's partner already works for entity A: registering another
        entity adds a membership, not a new employer."""
        self.authenticate("buyer_a", "buyer_a")
        response = self.register()
        self.assertEqual(response.status_code, 303)
        entity = self.entities_with_inn(self.form["inn"])
        self.assertEqual(self.buyer_a.partner_id.parent_id, self.entity_a)
        self.assertEqual(self.buyer_a._b2b_role(entity), "owner")
        self.assertEqual(self.buyer_a._b2b_role(self.entity_a), "owner")


@tagged("post_install", "-at_install")
class TestChangeRequest(B2bHttpMixin, B2bCommon, HttpCase):
    """Changes an owner asks for, applied only once a manager approves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a.write(
            {
                "street": "ул. Старая, 1",
                "city": "Москва",
                "zip": "101000",
                "phone": "+7 495 000-00-01",
            }
        )
        cls.delivery_a = cls.env["res.partner"].create(
            {
                "parent_id": cls.entity_a.id,
                "type": "delivery",
                "street": "Склад, 1",
                "city": "Химки",
                "zip": "141400",
            }
        )
        cls.url_a = f"/my/b2b/entities/{cls.entity_a.id}/change"
        cls.url_b = f"/my/b2b/entities/{cls.entity_b.id}/change"

    def form(self, **changes):
        values = self.entity_a._b2b_change_form_values()
        values.update(changes)
        return values

    def requests(self, entity=None):
        return self.env["b2b.change.request"].search(
            [("entity_id", "=", (entity or self.entity_a).id)]
        )

    def ask(self, **changes):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(self.url_a, self.form(**changes))
        self.assertEqual(response.status_code, 303, response.text[:2000])
        return self.requests()

    def test_form_is_prefilled(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(self.url_a)
        self.assertEqual(page.status_code, 200)
        for value in ("ул. Старая, 1", "101000", "+7 495 000-00-01", "Склад, 1"):
            self.assertIn(f'value="{value}"', page.text)

    def test_request_is_pending_and_changes_nothing_yet(self):
        request = self.ask(street="ул. Новая, 2", phone="+7 495 000-00-02")
        self.assertEqual(len(request), 1)
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.user_id, self.buyer_a)
        self.assertEqual(
            request.values, {"street": "ул. Новая, 2", "phone": "+7 495 000-00-02"}
        )
        self.assertIn("ул. Старая, 1 → ул. Новая, 2", request.summary)
        activity = request.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("b2b_portal.mail_activity_b2b_change_request"),
        )
        self.assertIn(self.manager, activity.user_id)
        self.assertEqual(self.entity_a.street, "ул. Старая, 1", "not applied yet")
        page = self.url_open("/my/b2b/entities?done=requested").text
        self.assertIn("Your change request is sent", page)
        self.assertIn("Pending review", page)
        self.assertIn("ул. Новая, 2", page)
        # one pending request at a time
        response = self.post(self.url_a, self.form(street="ул. Третья, 3"))
        self.assertEqual(response.status_code, 400)
        self.assertIn("already waiting for review", response.text)
        self.assertEqual(len(self.requests()), 1)

    def test_approval_applies_the_values(self):
        bic = "044525225"
        account = ru_requisites.bank_account_with_key("40702810500000004321", bic)
        request = self.ask(
            street="ул. Новая, 2",
            email="office@alfa.example.com",
            bank_account=account,
            bank_bic=bic,
            bank_name="ПАО Сбербанк",
            delivery_street="Склад, 2",
            delivery_zip="141401",
        )
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertFalse(request.activity_ids)
        self.assertEqual(self.entity_a.street, "ул. Новая, 2")
        self.assertEqual(self.entity_a.email, "office@alfa.example.com")
        self.assertEqual(self.entity_a.phone, "+7 495 000-00-01", "unchanged")
        self.assertEqual(self.entity_a.bank_ids[:1].acc_number, account)
        self.assertEqual(self.entity_a.bank_ids[:1].bank_id.bic, bic)
        self.assertEqual(
            (self.delivery_a.street, self.delivery_a.city, self.delivery_a.zip),
            ("Склад, 2", "Химки", "141401"),
        )
        # a new delivery address keeps the current one
        request = self.ask(
            delivery_new="1", delivery_street="Склад, 9", delivery_city="Тверь"
        )[0]
        request.with_user(self.manager).action_approve()
        deliveries = self.entity_a.child_ids.filtered(lambda p: p.type == "delivery")
        self.assertEqual(sorted(deliveries.mapped("street")), ["Склад, 2", "Склад, 9"])

    def test_rejection_applies_nothing(self):
        request = self.ask(street="ул. Новая, 2")
        action = request.with_user(self.manager).action_reject()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Адрес не совпадает с ЕГРЮЛ"})
        )
        wizard.action_reject()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.reject_reason, "Адрес не совпадает с ЕГРЮЛ")
        self.assertEqual(self.entity_a.street, "ул. Старая, 1")
        self.assertFalse(request.activity_ids)
        page = self.url_open("/my/b2b/entities").text
        self.assertIn("Rejected", page)
        self.assertIn("Адрес не совпадает с ЕГРЮЛ", page)

    def test_bad_or_empty_changes_write_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        cases = [
            ({"zip": "12"}, "a postcode has 6 digits"),
            ({"street": ""}, "Street: Required."),
            ({"bank_account": "123", "bank_bic": "044525225"}, "has 20 digits"),
            ({"email": "nobody"}, "This is not an e-mail address."),
            ({}, "Nothing was changed."),
        ]
        for changes, message in cases:
            with self.subTest(changes=changes):
                response = self.post(self.url_a, self.form(**changes))
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
        self.assertFalse(self.requests())

    def test_only_whitelisted_fields_are_requested(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(
            self.url_a,
            self.form(street="ул. Новая, 2", vat="7707083893", name="Чужое имя"),
        )
        self.assertEqual(response.status_code, 303)
        request = self.requests()
        self.assertEqual(request.values, {"street": "ул. Новая, 2"})
        request.with_user(self.manager).action_approve()
        self.assertEqual(self.entity_a.name, "ООО «Альфа»")
        self.assertEqual(self.entity_a.vat, inn("770100001"))

    def test_buyer_who_is_not_owner_gets_403(self):
        self.authenticate("buyer_ab", "buyer_ab")  # buyer in A
        self.assertEqual(self.url_open(self.url_a).status_code, 403)
        response = self.post(self.url_a, self.form(street="ул. Новая, 2"))
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.requests())
        # but they see the requests of A and their state
        self.authenticate("buyer_a", "buyer_a")
        self.post(self.url_a, self.form(street="ул. Новая, 2"))
        self.authenticate("buyer_ab", "buyer_ab")
        self.assertIn("ул. Новая, 2", self.url_open("/my/b2b/entities").text)

    def test_other_entity_gets_404_and_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        for url in (self.url_b, "/my/b2b/entities/999999/change"):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
                response = self.post(url, self.form(street="ул. Чужая, 5"))
                self.assertEqual(response.status_code, 404)
        self.assertFalse(self.env["b2b.change.request"].search([]))

    def test_portal_rule_shows_requests_of_member_entities(self):
        request_a = self.env["b2b.change.request"].create(
            {"entity_id": self.entity_a.id, "values": {"street": "x"}}
        )
        request_b = self.env["b2b.change.request"].create(
            {"entity_id": self.entity_b.id, "values": {"street": "y"}}
        )
        Request_ = self.env["b2b.change.request"]
        self.assertEqual(Request_.with_user(self.buyer_a).search([]), request_a)
        self.assertEqual(
            Request_.with_user(self.buyer_ab).search([]), request_a | request_b
        )
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b/entities").text
        self.assertNotIn("ООО «Бета»", page)
