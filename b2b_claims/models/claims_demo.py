import datetime

from odoo import Command, api, fields, models
from odoo.tools.misc import file_path

from ..tools import discrepancy_act

PORTAL = "b2b_portal"


class B2bClaimsDemo(models.AbstractModel):
    _name = "b2b.claims.demo"
    _description = "B2B claims demo data generator"

    @api.model
    def _load_demo(self):
        """Three claims of the demo buyer's first entity on its delivered
        and invoiced order: a shortage resolved by a credit note, a defect
        with a replacement under way, a quality claim waiting for the buyer.
        Builds on b2b_portal's demo (b2b.demo); does nothing without it or
        when the claims exist already."""
        entity = self.env.ref(
            f"{PORTAL}.entity_stroydvor_demo", raise_if_not_found=False
        )
        buyer = self.env.ref(f"{PORTAL}.user_buyer_demo", raise_if_not_found=False)
        if not entity or not buyer:
            return
        Claim = self.env["b2b.claim"]
        if Claim.search_count([("entity_id", "=", entity.id)], limit=1):
            return
        order = self.env["sale.order"].search(
            [("partner_id", "=", entity.id), ("state", "=", "sale")],
            order="id",
            limit=1,
        )
        if not order:
            return
        # this addon's translations are loaded once every module is
        # installed, after its demo: load them now, so that what the demo
        # writes in the chat (outcome labels, tracked states) is in Russian
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_claims"], [code for code in langs if code != "en_US"]
        )
        manager = self.env.ref(f"{PORTAL}.user_manager_demo", raise_if_not_found=False)
        # written as the demo's people read it (the manager's language)
        Claim = Claim.with_context(lang=(manager or buyer).lang)
        if manager:  # the supplier's manager gets the copies to management
            self.env.ref("b2b_claims.group_b2b_claims_management").user_ids = [
                Command.link(manager.id)
            ]
        order = order.with_company(order.company_id)
        self._demo_deliver(order)
        invoice = order._create_invoices()
        # dated before b2b_pricelist's turnover window (when installed): the
        # demo claims must not lift the entity to another price level
        # (b2b_pricelist's demo may load after this one and set the window)
        window = getattr(order.company_id, "b2b_level_window_days", 0) or 0
        invoice.invoice_date = fields.Date.context_today(self) - datetime.timedelta(
            days=max(window, 3 * 366) + 1
        )
        invoice.action_post()
        Claim = Claim.with_company(order.company_id)
        move_lines = Claim._b2b_delivered_move_lines(entity, order=order)
        if len(move_lines) < 3:
            return
        first, second, third = move_lines[:3]
        act = self._demo_discrepancy_act(entity, buyer, first, short=2)
        types = {
            kind: self.env.ref(f"b2b_claims.claim_type_{kind}")
            for kind in ("shortage", "defect", "quality")
        }
        shortage = Claim._b2b_file(
            buyer,
            entity,
            {
                "claim_type_id": types["shortage"].id,
                "description": "Две упаковки недовложены, акт ТОРГ-2 приложен.",
            },
            [
                {
                    "move_line_id": first.id,
                    "quantity": 2,
                    "demand": "reduction_amount",
                    "demand_amount": 2 * first.move_id.sale_line_id.price_unit,
                    "reason": "Недовложение",
                }
            ],
            [("akt-torg-2.pdf", act)],
        )
        # filed four days ago: the statistics have a time to resolve
        filed = fields.Date.context_today(self) - datetime.timedelta(days=4)
        shortage.write({"date": filed, "submit_date": filed})
        shortage.action_review()
        shortage.line_ids.write(
            {
                "decision": "approved",
                "approved_qty": 2,
                "approved_amount_input": shortage.line_ids.demand_amount,
            }
        )
        shortage.decision_note = "Недостача подтверждена, стоимость возвращена."
        shortage.action_decide()
        defect = Claim._b2b_file(
            buyer,
            entity,
            {"claim_type_id": types["defect"].id, "description": "Брак резьбы."},
            [
                {
                    "move_line_id": second.id,
                    "quantity": min(5, second.quantity),
                    "demand": "replacement",
                    "reason": "Сорвана резьба",
                }
            ],
        )
        defect.line_ids.write(
            {"decision": "approved", "approved_qty": defect.line_ids.quantity}
        )
        defect.action_decide()
        quality = Claim._b2b_file(
            buyer,
            entity,
            {
                "claim_type_id": types["quality"].id,
                "description": "Покрытие не соответствует сертификату.",
            },
            [
                {
                    "move_line_id": third.id,
                    "quantity": min(3, third.quantity),
                    "demand": "reduction_percent",
                    "demand_percent": 15,
                }
            ],
        )
        quality.action_review()
        # the manager's question, in the demo buyer's language (as the
        # descriptions above: demo data, not a message of the addon)
        question = "Пришлите, пожалуйста, фото маркировки на упаковке."
        manager = quality.user_id or entity.user_id
        quality.message_post(
            body=question,
            author_id=manager.partner_id.id if manager else None,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        quality.action_wait_buyer()

    def _demo_discrepancy_act(self, entity, buyer, move_line, short):
        """The buyer's act (ТОРГ-2) of ``short`` units missing on
        ``move_line``, as a PDF."""
        picking = move_line.picking_id
        act = discrepancy_act.DiscrepancyAct(
            number="1",
            date=picking.date_done.strftime("%d.%m.%Y"),
            buyer=entity.name,
            supplier=picking.company_id.name,
            delivery=picking.name,
            rows=[
                discrepancy_act.ActRow(
                    product=move_line.product_id.display_name,
                    unit=move_line.product_uom_id.name,
                    expected=move_line.quantity,
                    received=move_line.quantity - short,
                )
            ],
            signer=buyer.name,
        )
        font = file_path("web/static/fonts/sign/NotoSans-Reg.ttf")
        return discrepancy_act.discrepancy_act_pdf(act, font)

    def _demo_deliver(self, order):
        for picking in order.picking_ids.filtered(lambda p: p.state != "done"):
            picking.action_assign()
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking._action_done()
