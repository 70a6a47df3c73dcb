import base64

from odoo import Command, api, models

PORTAL = "b2b_portal"


class B2bDemo(models.AbstractModel):
    _inherit = "b2b.demo"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _load_upd_demo(self):
        """An order of ООО «СтройДвор» paid and delivered: its UPD (PDF and
        XML) made by the triggers, and a carrier's receipt on its delivery.
        Idempotent: nothing when the demo UPD exists already."""
        company = self.env.ref(
            f"{PORTAL}.supplier_company_demo", raise_if_not_found=False
        )
        entity = self.env.ref(
            f"{PORTAL}.entity_stroydvor_demo", raise_if_not_found=False
        )
        if (
            not company
            or not entity
            or self.env.ref("b2b_edo.upd_order_demo", raise_if_not_found=False)
        ):
            return
        self = self.with_company(company).with_context(
            allowed_company_ids=company.ids, tracking_disable=True
        )
        company.partner_id.b2b_tax_system = company.partner_id.b2b_tax_system or "osn"
        company.write(
            {
                "b2b_upd_trigger": "both",
                "b2b_director_name": company.b2b_director_name
                or "Петров Сергей Иванович",
                "b2b_director_title": company.b2b_director_title
                or "Генеральный директор",
                "b2b_accountant_name": company.b2b_accountant_name
                or "Смирнова Ольга Петровна",
            }
        )
        order = self._demo_upd_order(company, entity)
        order.action_confirm()
        picking = order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
        invoice = order._create_invoices()
        invoice.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self._demo_upd_receipt(picking)

    def _demo_upd_vat(self, company):
        Tax = self.env["account.tax"]
        tax = Tax.search(
            [
                ("company_id", "=", company.id),
                ("type_tax_use", "=", "sale"),
                ("amount_type", "=", "percent"),
                ("amount", "=", 22),
            ],
            limit=1,
        )
        return tax or Tax.create(
            {
                "name": "НДС 22%",
                "amount": 22,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "price_include_override": "tax_included",
                "company_id": company.id,
            }
        )

    def _demo_upd_order(self, company, entity):
        contract = entity._b2b_default_contract()
        products = self.env["product.product"].search(
            [
                ("company_id", "in", (company.id, False)),
                ("sale_ok", "=", True),
                ("is_storable", "=", True),
                ("qty_available", ">", 50),
            ],
            limit=3,
            order="default_code",
        )
        vat = self._demo_upd_vat(company)
        values = {
            "partner_id": entity.id,
            "b2b_contract_id": contract.id,
            "pricelist_id": entity._b2b_pricelist(contract).id,
            "company_id": company.id,
            "user_id": entity.user_id.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": qty,
                        "tax_ids": [Command.set(vat.ids)],
                    }
                )
                for product, qty in zip(products, (20, 12, 40), strict=False)
            ],
        }
        return self.env["sale.order"]._load_records(
            [{"xml_id": "b2b_edo.upd_order_demo", "values": values, "noupdate": True}]
        )

    def _demo_upd_receipt(self, picking):
        """A carrier's receipt (a small PDF) on the demo delivery."""
        content = (
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n"
        )
        wizard = self.env["b2b.logistics.receipt.wizard"].create(
            {
                "picking_id": picking.id,
                "document_type": "logistics_receipt",
                "file": base64.b64encode(content),
                "file_name": "Экспедиторская расписка.pdf",
            }
        )
        wizard.action_attach()
