from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

from ..tools import ru_ids


def inn(body):
    return ru_ids.inn_check_digits(body)


def ogrn(body):
    return body + str(ru_ids.ogrn_check_digit(body))


class B2bCommon(BaseCommon):
    """Two Russian legal entities, a buyer of the first, a buyer of both."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ru = cls.env.ref("base.ru")
        cls.entity_a, cls.entity_b = cls.env["res.partner"].create(
            [
                {
                    "name": "ООО «Альфа»",
                    "is_company": True,
                    "country_id": cls.ru.id,
                    "vat": inn("770100001"),
                    "b2b_kpp": "770101001",
                    "company_registry": ogrn("102770000001"),
                    "b2b_state": "approved",
                },
                {
                    "name": "ООО «Бета»",
                    "is_company": True,
                    "country_id": cls.ru.id,
                    "vat": inn("780200002"),
                    "b2b_kpp": "780201001",
                    "company_registry": ogrn("102780000002"),
                    "b2b_state": "approved",
                },
            ]
        )
        cls.buyer_a = new_test_user(
            cls.env, login="buyer_a", groups="base.group_portal", name="Buyer A"
        )
        cls.buyer_ab = new_test_user(
            cls.env, login="buyer_ab", groups="base.group_portal", name="Buyer AB"
        )
        cls.manager = new_test_user(
            cls.env,
            login="b2b_mgr",
            groups="b2b_portal.group_b2b_manager",
            name="B2B Manager",
        )
        cls.env["b2b.membership"].create(
            [
                {
                    "user_id": cls.buyer_a.id,
                    "entity_id": cls.entity_a.id,
                    "role": "owner",
                },
                {
                    "user_id": cls.buyer_ab.id,
                    "entity_id": cls.entity_a.id,
                    "role": "buyer",
                },
                {
                    "user_id": cls.buyer_ab.id,
                    "entity_id": cls.entity_b.id,
                    "role": "owner",
                },
            ]
        )
        cls.buyer_a.partner_id.parent_id = cls.entity_a
        cls.pricelist_a, cls.pricelist_b = cls.env["product.pricelist"].create(
            [
                {"name": "Price list A", "currency_id": cls.env.company.currency_id.id},
                {"name": "Price list B", "currency_id": cls.env.company.currency_id.id},
            ]
        )
        cls.contract_a, cls.contract_b = cls.env["b2b.contract"].create(
            [
                {
                    "name": "A-1",
                    "entity_id": cls.entity_a.id,
                    "pricelist_id": cls.pricelist_a.id,
                    "state": "active",
                    "is_default": True,
                },
                {
                    "name": "B-1",
                    "entity_id": cls.entity_b.id,
                    "pricelist_id": cls.pricelist_b.id,
                    "state": "active",
                    "is_default": True,
                },
            ]
        )
        cls.group_wholesale = cls.env["res.partner.category"].create(
            {"name": "Wholesale", "partner_ids": [Command.link(cls.entity_a.id)]}
        )

    @classmethod
    def _b2b_member(cls, login, entity, role, contact=False):
        """A portal user with an active ``role`` membership in ``entity``;
        ``contact``: their own contact sits under the entity, as an invited
        colleague's does."""
        user = new_test_user(
            cls.env, login=login, groups="base.group_portal", name=login
        )
        if contact:
            user.partner_id.parent_id = entity
        cls.env["b2b.membership"].create(
            {"user_id": user.id, "entity_id": entity.id, "role": role}
        )
        return user
