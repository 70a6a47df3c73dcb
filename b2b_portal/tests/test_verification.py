from odoo.exceptions import ValidationError

from .common import B2bCommon, inn, ogrn


class TestVerification(B2bCommon):
    """draft → pending → approved / rejected, and one entity per INN + KPP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = cls.manager
        cls.new_entity = cls.env["res.partner"].create(
            {
                "name": "ООО «Гамма»",
                "is_company": True,
                "country_id": cls.ru.id,
                "vat": inn("500300003"),
                "b2b_kpp": "500301001",
                "company_registry": ogrn("102500000003"),
                "b2b_state": "draft",
                "user_id": cls.salesperson.id,
            }
        )

    def test_submit_creates_an_activity_for_the_manager(self):
        self.new_entity.action_b2b_submit()
        self.assertEqual(self.new_entity.b2b_state, "pending")
        activity = self.new_entity.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("b2b_portal.mail_activity_b2b_verify"),
        )
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertIn(self.new_entity.vat, str(activity.note))

    def test_approve(self):
        self.new_entity.action_b2b_submit()
        self.new_entity.with_user(self.manager).action_b2b_approve()
        self.assertEqual(self.new_entity.b2b_state, "approved")
        self.assertFalse(
            self.new_entity.activity_ids, "the verification activity is done"
        )

    def test_approve_refuses_missing_inn(self):
        self.new_entity.write({"vat": False, "b2b_state": "pending"})
        with self.assertRaises(ValidationError) as error:
            self.new_entity.action_b2b_approve()
        self.assertIn("INN is missing", str(error.exception))
        self.assertEqual(self.new_entity.b2b_state, "pending")

    def test_reject_needs_a_reason(self):
        self.new_entity.action_b2b_submit()
        wizard = self.env["b2b.entity.reject"].create(
            {"entity_ids": self.new_entity.ids, "reason": "   "}
        )
        with self.assertRaises(ValidationError):
            wizard.action_reject()
        self.assertEqual(self.new_entity.b2b_state, "pending")
        action = self.new_entity.action_b2b_reject()
        wizard = (
            self.env[action["res_model"]]
            .with_context(**action["context"])
            .create({"reason": "OGRN does not match the register"})
        )
        wizard.action_reject()
        self.assertEqual(self.new_entity.b2b_state, "rejected")
        self.assertEqual(
            self.new_entity.b2b_reject_reason, "OGRN does not match the register"
        )
        # the buyer corrects it and sends it again
        self.new_entity.action_b2b_submit()
        self.assertEqual(self.new_entity.b2b_state, "pending")

    def test_one_entity_per_inn_and_kpp(self):
        values = {
            "name": "Дубль",
            "is_company": True,
            "country_id": self.ru.id,
            "vat": self.entity_a.vat,
            "b2b_kpp": self.entity_a.b2b_kpp,
            "b2b_state": "draft",
        }
        with self.assertRaises(ValidationError) as error:
            self.env["res.partner"].create(values)
        self.assertIn("already registered", str(error.exception))
        # a branch has another KPP; a non-B2B partner is not checked
        self.env["res.partner"].create(dict(values, b2b_kpp="770145001"))
        self.env["res.partner"].create(dict(values, b2b_state=False))
        # an archived entity frees its INN + KPP
        self.entity_a.active = False
        self.env["res.partner"].create(dict(values, name="Преемник"))
