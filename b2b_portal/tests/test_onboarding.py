"""From the sign-up to the first order in a database of several companies:
the company of a new user, the one verification activity, the approval by a
manager of the supplier company only, and what an approval gives."""

from odoo import Command
from odoo.tests import Form, new_test_user

from ..models.res_company import SIGNUP_COMPANY_PARAM
from .common import B2bCommon, inn, ogrn

VERIFY = "b2b_portal.mail_activity_b2b_verify"


class TestOnboarding(B2bCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the first company of the database (Odoo's portal template user's)
        # is not the supplier: the supplier is a second one
        cls.first_company = cls.env.ref("base.main_company")
        cls.supplier = cls.env["res.company"].create({"name": "ООО «Поставщик»"})
        Param = cls.env["ir.config_parameter"].sudo()
        Param.set_param(SIGNUP_COMPANY_PARAM, str(cls.supplier.id))
        Param.set_param("auth_signup.invitation_scope", "b2c")
        cls.supplier_manager = new_test_user(
            cls.env,
            login="supplier_mgr",
            groups="b2b_portal.group_b2b_manager",
            company_id=cls.supplier.id,
            company_ids=[Command.set(cls.supplier.ids)],
        )
        cls.newcomers = cls.env["res.partner.category"].create({"name": "Новые"})
        cls.term = cls.env["account.payment.term"].create(
            {"name": "14 days", "line_ids": [Command.create({"nb_days": 14})]}
        )
        cls.supplier.write(
            {
                "b2b_default_category_id": cls.newcomers.id,
                "b2b_contract_payment_term_id": cls.term.id,
                "b2b_contract_delivery_terms": "Самовывоз со склада.",
            }
        )

    def sign_up(self, login="anna@newco.example"):
        self.env["res.users"].sudo().signup(
            {"login": login, "name": "Анна Новикова", "password": "Str0ng-passw0rd!"}
        )
        return self.env["res.users"].search([("login", "=", login)])

    def register(self, user, body="771900019", kpp="771901001"):
        values = {
            "name": "ООО «НьюКо»",
            "inn": inn(body),
            "kpp": kpp,
            "ogrn": ogrn("102" + body),
            "tax_system": "osn",
            "street": "ул. Новая, 1",
            "city": "Москва",
            "zip": "101000",
            "phone": "",
            "email": "",
            "bank_account": "",
            "bank_bic": "",
            "bank_name": "",
            "delivery_street": "",
            "delivery_city": "",
            "delivery_zip": "",
        }
        return self.env["res.partner"].sudo()._b2b_register(values, user)

    def verify_activities(self, entity):
        return entity.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(VERIFY)
        )

    # -- 11. the company of a new user --------------------------------------------
    def test_signup_lands_in_the_supplier_company(self):
        user = self.sign_up()
        self.assertTrue(user._is_portal())
        self.assertEqual(user.company_id, self.supplier)
        self.assertEqual(user.company_ids, self.supplier)

    def test_without_a_sign_up_company_odoo_decides(self):
        self.env["ir.config_parameter"].sudo().set_param(SIGNUP_COMPANY_PARAM, "")
        user = self.sign_up()
        template = self.env.ref("base.template_portal_user_id")
        self.assertEqual(user.company_id, template.company_id)

    # -- 13. one activity, for the right person ------------------------------------
    def test_one_verification_activity_for_a_manager_of_the_supplier(self):
        entity = self.register(self.sign_up())
        self.assertEqual(entity.b2b_state, "pending")
        activity = self.verify_activities(entity)
        self.assertEqual(len(activity), 1)
        # not the administrator, not the manager of the first company only
        self.assertEqual(activity.user_id, self.supplier_manager)
        # sent again: still one
        entity._b2b_schedule_verification()
        self.assertEqual(len(self.verify_activities(entity)), 1)

    def test_the_salesperson_gets_the_activity(self):
        user = self.sign_up()
        entity = self.register(user)
        self.verify_activities(entity).unlink()
        entity.write({"b2b_state": "draft", "user_id": self.manager.id})
        entity.action_b2b_submit()
        self.assertEqual(self.verify_activities(entity).user_id, self.manager)

    def test_only_the_administrator_is_left(self):
        managers = self.env.ref("b2b_portal.group_b2b_manager").all_user_ids
        admin = self.env.ref("base.user_admin")
        (managers - admin).filtered(lambda u: not u.share).write(
            {
                "group_ids": [
                    Command.unlink(self.env.ref("b2b_portal.group_b2b_manager").id)
                ]
            }
        )
        entity = self.register(self.sign_up())
        self.assertEqual(self.verify_activities(entity).user_id, admin)

    # -- 13. a manager of the supplier company only ---------------------------------
    def test_manager_of_one_company_opens_and_approves(self):
        user = self.sign_up()
        entity = self.register(user).with_user(self.supplier_manager)
        self.env.invalidate_all()
        form = Form(entity)
        self.assertEqual(form.b2b_state, "pending")
        self.assertIn(user.partner_id, entity.child_ids)
        entity.activity_ids.read(["summary", "user_id"])
        entity.action_b2b_approve()
        self.assertEqual(entity.b2b_state, "approved")
        self.assertFalse(self.verify_activities(entity))
        # 14. it can order at once
        self.assertEqual(entity.category_id, self.newcomers)
        self.assertEqual(entity.user_id, self.supplier_manager)
        contract = entity.sudo().b2b_contract_ids
        self.assertEqual(len(contract), 1)
        self.assertEqual(contract, entity._b2b_default_contract())
        self.assertEqual(
            (contract.state, contract.is_default, contract.company_id),
            ("active", True, self.supplier),
        )
        self.assertRegex(contract.name, r"^Д-\d{3}/\d{4}$")
        self.assertEqual(contract.payment_term_id, self.term)
        self.assertEqual(contract.delivery_terms, "Самовывоз со склада.")
        self.assertEqual(contract.currency_id, self.supplier.currency_id)
        self.assertEqual(entity._b2b_order_blockers(), [])

    def test_manager_of_one_company_rejects(self):
        entity = self.register(self.sign_up()).with_user(self.supplier_manager)
        self.env.invalidate_all()
        Form(entity)
        wizard = (
            self.env["b2b.entity.reject"]
            .with_user(self.supplier_manager)
            .create({"entity_ids": entity.ids, "reason": "ИНН не найден"})
        )
        wizard.action_reject()
        self.assertEqual(entity.b2b_state, "rejected")
        self.assertFalse(self.verify_activities(entity))
        self.assertFalse(entity.sudo().b2b_contract_ids)
        self.assertFalse(entity.category_id)

    # -- 14. what an approval gives, and what it keeps --------------------------------
    def test_numbers_from_the_company_sequence(self):
        self.supplier.b2b_contract_sequence_id = self.env["ir.sequence"].create(
            {"name": "Договоры", "prefix": "ПС-", "padding": 2}
        )
        entity = self.register(self.sign_up())
        entity.with_user(self.supplier_manager).action_b2b_approve()
        self.assertEqual(entity.b2b_contract_ids.name, "ПС-01")

    def test_approval_keeps_the_group_and_contract_set_by_hand(self):
        entity = self.register(self.sign_up())
        entity.category_id = self.group_wholesale
        contract = self.env["b2b.contract"].create(
            {
                "name": "РУЧ-1",
                "entity_id": entity.id,
                "company_id": self.supplier.id,
                "state": "active",
                "is_default": True,
            }
        )
        entity.with_user(self.supplier_manager).action_b2b_approve()
        self.assertEqual(entity.category_id, self.group_wholesale)
        self.assertEqual(entity.b2b_contract_ids, contract)

    def test_no_contract_when_switched_off(self):
        self.supplier.b2b_contract_on_approval = False
        entity = self.register(self.sign_up())
        entity.with_user(self.supplier_manager).action_b2b_approve()
        self.assertFalse(entity.b2b_contract_ids)
        self.assertTrue(entity._b2b_order_blockers())
