from odoo import Command, models

from ..tools import demo_catalog


class B2bDemo(models.AbstractModel):
    """Attributes of the demo products (diameter, length, material,
    coating): the filters of the catalog."""

    _inherit = "b2b.demo"

    def _demo_products(self, company):
        products = super()._demo_products(company)
        self._demo_attributes(products)
        return products

    def _demo_attributes(self, products):
        items = [i for i in demo_catalog.catalog() if i["specs"]]
        attributes = self._demo_load(
            "product.attribute",
            [
                (
                    f"attribute_{key}",
                    {"name": en, "create_variant": "always", "sequence": n},
                )
                for n, (key, en, _ru) in enumerate(demo_catalog.ATTRIBUTES, 1)
            ],
        )
        self._demo_translate(
            attributes, "name", [ru for _key, _en, ru in demo_catalog.ATTRIBUTES]
        )
        by_key = dict(
            zip([a[0] for a in demo_catalog.ATTRIBUTES], attributes, strict=True)
        )
        specs = sorted(
            {spec for item in items for spec in item["specs"]},
            key=lambda s: (s[0], demo_catalog.spec_order(s[1])),
        )
        values = self._demo_load(
            "product.attribute.value",
            [
                (
                    f"attribute_value_{n}",
                    {"attribute_id": by_key[key].id, "name": en, "sequence": n},
                )
                for n, (key, en, _ru) in enumerate(specs, 1)
            ],
        )
        self._demo_translate(values, "name", [ru for _key, _en, ru in specs])
        value_of = dict(zip(specs, values, strict=True))
        # one value per attribute: each product keeps its single variant
        self.env["product.template.attribute.line"].create(
            [
                {
                    "product_tmpl_id": products[item["sku"]].product_tmpl_id.id,
                    "attribute_id": by_key[spec[0]].id,
                    "value_ids": [Command.set(value_of[spec].ids)],
                }
                for item in items
                for spec in item["specs"]
            ]
        )
