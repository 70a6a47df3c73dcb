"""What the newcomer's journeys share (tests/test_journey_newcomer.py,
tests/test_journey_whole.py): a supplier company whose sign-up page makes
its buyers, a B2B manager of it, the default customer group with its price
type, three catalog sections and a product in each, the registration's INN
and OGRN."""

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.b2b_portal.models.res_company import SIGNUP_COMPANY_PARAM
from odoo.addons.b2b_portal.tests.common import B2bHttpMixin
from odoo.addons.b2b_portal.tools import ru_ids

LOGIN = "anna.newco@example.com"
ENTITY_NAME = "ООО «НьюКо»"


class NewcomerCommon(B2bHttpMixin):
    """For an ``HttpCase``: ``supplier`` (the test company) and ``other`` (the
    company Odoo's own sign-up would choose); ``manager`` (journey_manager) a
    B2B manager of the supplier only; ``newcomers``, the supplier's default
    group, priced by ``price_type`` (list price −10 %), and ``dealers``;
    ``product`` (JRN-1, open section, 100.00), ``product_new`` (JRN-3, the
    newcomers' section, 20.00), ``product_dealer`` (JRN-4, the dealers'
    section); ``inn`` and ``ogrn`` of the entity to register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supplier = cls.env.company
        # a second company, the one Odoo's own sign-up would choose: that of
        # the portal template user
        cls.other = cls.env["res.company"].create({"name": "Other Co"})
        cls.env.ref("base.template_portal_user_id").write(
            {"company_ids": [Command.link(cls.other.id)], "company_id": cls.other.id}
        )
        Param = cls.env["ir.config_parameter"].sudo()
        Param.set_param(SIGNUP_COMPANY_PARAM, str(cls.supplier.id))
        Param.set_param("auth_signup.invitation_scope", "b2c")
        # a B2B manager of the supplier company only
        cls.manager = new_test_user(
            cls.env,
            login="journey_manager",
            name="Ирина Менеджерова",
            groups="b2b_portal.group_b2b_manager",
            company_id=cls.supplier.id,
            company_ids=[Command.set(cls.supplier.ids)],
        )
        cls.price_type = cls.env["product.pricelist"].create(
            {
                "name": "Новые −10 %",
                "b2b_is_price_type": True,
                "b2b_base": "list_price",
                "b2b_discount_type": "percent",
                "b2b_discount": 10.0,
            }
        )
        Group = cls.env["res.partner.category"]
        cls.newcomers = Group.create(
            {"name": "Новые клиенты", "b2b_pricelist_id": cls.price_type.id}
        )
        cls.dealers = Group.create({"name": "Дилеры"})
        cls.term = cls.env.ref("account.account_payment_term_30days")
        cls.supplier.write(
            {
                "b2b_default_category_id": cls.newcomers.id,
                "b2b_contract_payment_term_id": cls.term.id,
            }
        )
        Category = cls.env["product.category"]
        open_section = Category.create({"name": "Крепёж"})
        new_section = Category.create(
            {"name": "Для новых", "b2b_group_ids": [Command.set(cls.newcomers.ids)]}
        )
        dealer_section = Category.create(
            {"name": "Дилерам", "b2b_group_ids": [Command.set(cls.dealers.ids)]}
        )
        cls.product, cls.product_new, cls.product_dealer = cls.env[
            "product.product"
        ].create(
            [
                {
                    "name": "Анкер клиновой 10×100",
                    "default_code": "JRN-1",
                    "list_price": 100.0,
                    "categ_id": open_section.id,
                    "company_id": cls.supplier.id,
                },
                {
                    "name": "Дюбель 8×40",
                    "default_code": "JRN-3",
                    "list_price": 20.0,
                    "categ_id": new_section.id,
                    "company_id": cls.supplier.id,
                },
                {
                    "name": "Шуруп дилерский",
                    "default_code": "JRN-4",
                    "list_price": 5.0,
                    "categ_id": dealer_section.id,
                    "company_id": cls.supplier.id,
                },
            ]
        )
        cls.inn = ru_ids.inn_check_digits("771900019")
        ogrn_body = "102771900019"
        cls.ogrn = ogrn_body + str(ru_ids.ogrn_check_digit(ogrn_body))

    def entity(self):
        return self.env["res.partner"].search(
            [("vat", "=", self.inn), ("is_company", "=", True)]
        )

    def newcomer(self):
        return self.env["res.users"].search([("login", "=", LOGIN)])

    def check_approved(self, entity):
        """What the approval gave: the group, the salesperson, one contract."""
        self.assertEqual(entity.b2b_state, "approved")
        self.assertEqual(entity.category_id, self.newcomers)
        self.assertEqual(entity.user_id, self.manager)
        contract = entity.b2b_contract_ids
        self.assertEqual(len(contract), 1)
        self.assertEqual((contract.state, contract.is_default), ("active", True))
        self.assertEqual(contract.company_id, self.supplier)
        self.assertEqual(contract.payment_term_id, self.term)
        self.assertEqual(contract._b2b_pricelist(), self.price_type)
        return contract
