import datetime

from odoo import Command, fields, models

from ..tools import demo_catalog
from .b2b_demo import _inn, _ogrn


class B2bDemo(models.AbstractModel):
    """The demo catalog: products in their category tree with boxes and
    pallets, stock and incoming receipts (the rest of the demo is in
    b2b_demo.py)."""

    _inherit = "b2b.demo"  # pylint: disable=consider-merging-classes-inherited

    def _demo_products(self, company):
        items = demo_catalog.catalog()
        categories = self._demo_categories(items)
        units = self._demo_packagings(items)
        unit = self.env.ref("uom.product_uom_unit")
        templates = self._demo_load(
            "product.template",
            [
                (
                    "product_" + item["sku"].replace("-", "_").lower(),
                    {
                        "name": item["name_en"],
                        "default_code": item["sku"],
                        "barcode": item["barcode"],
                        "categ_id": categories[item["category"][-1][0]].id,
                        "type": "consu",
                        "is_storable": True,
                        "company_id": company.id,
                        "uom_id": unit.id,
                        "uom_ids": [
                            Command.set(
                                [
                                    units[n].id
                                    for n in (item["box"], -item["pallet"])
                                    if n in units
                                ]
                            )
                        ],
                        "list_price": item["list_price"],
                        "b2b_rrp": item["rrp"],
                        "weight": item["weight"],
                        "sale_ok": True,
                        "purchase_ok": True,
                    },
                )
                for item in items
            ],
        )
        for template, item in zip(templates, items, strict=True):
            template.with_company(company).standard_price = item["cost"]
        self._demo_translate(templates, "name", [i["name_ru"] for i in items])
        return dict(
            zip([i["sku"] for i in items], templates.product_variant_id, strict=True)
        )

    def _demo_categories(self, items):
        root = self._demo_load(
            "product.category",
            [
                (
                    "categ_root",
                    {
                        "name": "Каталог ОптТорг",
                    },
                )
            ],
        )
        parents, children = {}, {}
        for item in items:
            (top, _top_en), (sub, _sub_en) = item["category"]
            parents.setdefault(top, None)
            children.setdefault(sub, top)
        top_records = self._demo_load(
            "product.category",
            [
                (f"categ_{n}", {"name": name, "parent_id": root.id})
                for n, name in enumerate(parents, 1)
            ],
        )
        by_name = dict(zip(parents, top_records, strict=True))
        sub_records = self._demo_load(
            "product.category",
            [
                (f"categ_sub_{n}", {"name": name, "parent_id": by_name[top].id})
                for n, (name, top) in enumerate(children.items(), 1)
            ],
        )
        by_name.update(zip(children, sub_records, strict=True))
        return by_name

    def _demo_packagings(self, items):
        """Boxes (positive keys) and pallets (negative keys) as units of measure,
        counted in pieces: Odoo's "Units" reads "шт" in Russian, as on a
        Russian invoice (Odoo's own translation is "Единицы")."""
        unit = self.env.ref("uom.product_uom_unit")
        self._demo_translate(unit, "name", ["шт"])
        sizes = sorted({i["box"] for i in items if i["box"] > 1}) + sorted(
            {-i["pallet"] for i in items}
        )
        records = self._demo_load(
            "uom.uom",
            [
                (
                    f"uom_{'box' if n > 0 else 'pallet'}_{abs(n)}",
                    {
                        "name": f"Box ({n} pcs)" if n > 0 else f"Pallet ({-n} pcs)",
                        "relative_factor": abs(n),
                        "relative_uom_id": unit.id,
                        "b2b_packaging": "box" if n > 0 else "pallet",
                    },
                )
                for n in sizes
            ],
        )
        self._demo_translate(
            records,
            "name",
            [f"Коробка ({n} шт)" if n > 0 else f"Паллета ({-n} шт)" for n in sizes],
        )
        return dict(zip(sizes, records, strict=True))

    def _demo_stock(self, company, products):
        # Odoo 19 creates a new company's warehouse on demand (or in tests)
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        ) or self._demo_load(
            "stock.warehouse",
            [
                (
                    "warehouse_msk",
                    {"name": "Склад Москва", "code": "MSK", "company_id": company.id},
                )
            ],
        )
        items = demo_catalog.catalog()
        quants = (
            self.env["stock.quant"]
            .with_company(company)
            .with_context(inventory_mode=True)
            .create(
                [
                    {
                        "product_id": products[item["sku"]].id,
                        "location_id": warehouse.lot_stock_id.id,
                        "inventory_quantity": item["on_hand"],
                    }
                    for item in items
                    if item["on_hand"]
                ]
            )
        )
        quants.action_apply_inventory()
        vendor = self._demo_load(
            "res.partner",
            [
                (
                    "vendor_metiz",
                    {
                        "name": "ООО «Завод Метиз»",
                        "is_company": True,
                        "country_id": self.env.ref("base.ru").id,
                        "city": "Магнитогорск",
                        "vat": _inn("744512345"),
                        "b2b_kpp": "744501001",
                        "company_registry": _ogrn("102740012345"),
                    },
                )
            ],
        )
        by_day = {}
        for item in items:
            if item["incoming"]:
                days, qty = item["incoming"]
                by_day.setdefault(days, []).append((products[item["sku"]], qty))
        picking_type = warehouse.in_type_id
        supplier_location = picking_type.default_location_src_id
        today = fields.Datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
        pickings = (
            self.env["stock.picking"]
            .with_company(company)
            .create(
                [
                    {
                        "picking_type_id": picking_type.id,
                        "partner_id": vendor.id,
                        "origin": f"Поставка {n:03d}",
                        "scheduled_date": today + datetime.timedelta(days=days),
                        "move_ids": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "product_uom_qty": qty,
                                    "product_uom": product.uom_id.id,
                                    "location_id": supplier_location.id,
                                    "location_dest_id": warehouse.lot_stock_id.id,
                                    "date": today + datetime.timedelta(days=days),
                                }
                            )
                            for product, qty in lines
                        ],
                    }
                    for n, (days, lines) in enumerate(sorted(by_day.items()), 1)
                ]
            )
        )
        pickings.action_confirm()
