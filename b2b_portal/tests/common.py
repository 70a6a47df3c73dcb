import datetime

from odoo import Command, fields
from odoo.http import Request
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

from ..tools import ru_ids


def inn(body):
    return ru_ids.inn_check_digits(body)


def ogrn(body):
    return body + str(ru_ids.ogrn_check_digit(body))


class B2bHttpMixin:
    """For an ``HttpCase``: one way to send a portal form."""

    def post(self, url, data=None, files=None, allow_redirects=False, **values):
        """POST the form ``data`` and ``values`` (``files`` as multipart) with
        the session's CSRF token; the response itself, redirects not followed."""
        form = {**(data or {}), **values, "csrf_token": Request.csrf_token(self)}
        return self.url_open(
            url, data=form, files=files, allow_redirects=allow_redirects
        )


class B2bCommon(BaseCommon):
    """Two Russian legal entities and a member of each role.

    Entity A (``contract_a``, ``pricelist_a``, customer tag ``group_wholesale``):
    ``buyer_a`` (alias ``owner_a``) its owner, whose contact sits under A;
    ``buyer_ab`` a buyer; ``accountant_a`` and ``viewer_a``.
    Entity B (``contract_b``, ``pricelist_b``): ``buyer_ab`` its owner;
    ``buyer_b`` (alias ``member_b``) a buyer of B only.
    ``manager``: the supplier's B2B manager. Each login is also the password.

    No product: the catalog shows every product for sale, and tests count
    them. ``create_fasteners``, ``add_stock``, ``plan_receipt`` and
    ``create_hidden_category`` build products with stock, incoming supply and
    an assortment for the tests that need them.
    """

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
        cls.accountant_a, cls.viewer_a, cls.buyer_b = (
            new_test_user(cls.env, login=login, groups="base.group_portal", name=name)
            for login, name in (
                ("accountant_a", "Accountant A"),
                ("viewer_a", "Viewer A"),
                ("buyer_b", "Buyer B"),
            )
        )
        cls.owner_a, cls.member_b = cls.buyer_a, cls.buyer_b
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
                {
                    "user_id": cls.accountant_a.id,
                    "entity_id": cls.entity_a.id,
                    "role": "accountant",
                },
                {
                    "user_id": cls.viewer_a.id,
                    "entity_id": cls.entity_a.id,
                    "role": "viewer",
                },
                {
                    "user_id": cls.buyer_b.id,
                    "entity_id": cls.entity_b.id,
                    "role": "buyer",
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

    @classmethod
    def create_hidden_category(cls, name="Retail shelf"):
        """A product category for a "Retail only" customer group, which
        neither entity is in: out of their assortment."""
        retail = cls.env["res.partner.category"].create({"name": "Retail only"})
        return cls.env["product.category"].create(
            {"name": name, "b2b_group_ids": [Command.link(retail.id)]}
        )

    @classmethod
    def create_fasteners(cls, prefix, **values):
        """``cls.bolt``, ``cls.nut``, ``cls.washer``: storable, for sale at
        10.00, 3.00 and 1.00, SKUs ``<prefix>-BOLT`` etc.; no stock."""
        cls.bolt, cls.nut, cls.washer = cls.env["product.product"].create(
            [
                {
                    "name": name,
                    "default_code": f"{prefix}-{code}",
                    "type": "consu",
                    "is_storable": True,
                    "list_price": price,
                    **values,
                }
                for name, code, price in (
                    ("Болт M8", "BOLT", 10.0),
                    ("Гайка M8", "NUT", 3.0),
                    ("Шайба M8", "WASHER", 1.0),
                )
            ]
        )
        return cls.bolt, cls.nut, cls.washer

    @classmethod
    def add_stock(cls, quantities):
        """Put ``{product: qty}`` on hand in the main warehouse's stock."""
        stock = cls.env.ref("stock.warehouse0").lot_stock_id
        for product, qty in quantities.items():
            cls.env["stock.quant"]._update_available_quantity(product, stock, qty)

    @classmethod
    def plan_receipt(cls, product, qty, days=5):
        """A confirmed receipt of ``qty`` ``product`` into the main stock in
        ``days`` days, at 9:00; returns its date."""
        warehouse = cls.env.ref("stock.warehouse0")
        date = fields.Datetime.now().replace(
            hour=9, minute=0, second=0, microsecond=0
        ) + datetime.timedelta(days=days)
        receipt_type = warehouse.in_type_id
        receipt = cls.env["stock.picking"].create(
            {
                "picking_type_id": receipt_type.id,
                "scheduled_date": date,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "product_uom": product.uom_id.id,
                            "location_id": receipt_type.default_location_src_id.id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                            "date": date,
                        }
                    )
                ],
            }
        )
        receipt.action_confirm()
        return date
