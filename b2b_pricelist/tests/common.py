from datetime import timedelta

from odoo import Command, fields

from odoo.addons.b2b_portal.tests.common import B2bCommon


class B2bPricelistCommon(B2bCommon):
    """b2b_portal's two entities and buyers, plus products and price types:
    ``retail`` (list price), ``wholesale`` (-10 %), ``large`` (-5 % off
    wholesale)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.currency = cls.env.company.currency_id
        cls.categ = cls.env["product.category"].create({"name": "Fasteners"})
        cls.product, cls.product_2, cls.product_3 = cls.env["product.product"].create(
            [
                {
                    "name": "Bolt M8",
                    "default_code": "BOLT-8",
                    "list_price": 100.0,
                    "standard_price": 60.0,
                    "categ_id": cls.categ.id,
                    "b2b_rrp": 150.0,
                    "taxes_id": [Command.clear()],
                },
                {
                    "name": "Nut M8",
                    "default_code": "NUT-8",
                    "list_price": 40.0,
                    "standard_price": 20.0,
                    "categ_id": cls.categ.id,
                    "taxes_id": [Command.clear()],
                },
                {
                    "name": "Washer M8",
                    "default_code": "WSH-8",
                    "list_price": 10.0,
                    "standard_price": 5.0,
                    "taxes_id": [Command.clear()],
                },
            ]
        )
        Pricelist = cls.env["product.pricelist"]
        cls.wholesale = Pricelist.create(
            {
                "name": "Wholesale",
                "b2b_is_price_type": True,
                "b2b_base": "list_price",
                "b2b_discount_type": "percent",
                "b2b_discount": 10.0,
            }
        )
        cls.large = Pricelist.create(
            {
                "name": "Large wholesale",
                "b2b_is_price_type": True,
                "b2b_base": "price_type",
                "b2b_base_pricelist_id": cls.wholesale.id,
                "b2b_discount_type": "percent",
                "b2b_discount": 5.0,
            }
        )
        # the contracts of b2b_portal's common carry price lists: start bare
        (cls.contract_a | cls.contract_b).pricelist_id = False

    @classmethod
    def price(cls, entity, product, qty=1.0, contract=None, uom=None):
        return entity._b2b_price_lines([(product, qty, uom)], contract)[0]

    @classmethod
    def make_invoice(cls, entity, amount, date, refund=False, post=True):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_refund" if refund else "out_invoice",
                "partner_id": entity.id,
                "invoice_date": date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Goods",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        if post:
            move.action_post()
        return move

    @staticmethod
    def days_ago(days):
        return fields.Date.today() - timedelta(days=days)
