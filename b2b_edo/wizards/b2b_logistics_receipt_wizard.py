import base64

from odoo import fields, models
from odoo.exceptions import UserError


class B2bLogisticsReceiptWizard(models.TransientModel):
    """The manager attaches a carrier's receipt or a waybill scan to a
    delivery: a document of the entity, sent at once, that its buyers find
    in the documents section."""

    _name = "b2b.logistics.receipt.wizard"
    _description = "Attach a shipping document to a delivery"

    picking_id = fields.Many2one("stock.picking", required=True, readonly=True)
    document_type = fields.Selection(
        [
            ("logistics_receipt", "Carrier's receipt"),
            ("waybill", "Waybill"),
        ],
        string="Kind",
        required=True,
        default="logistics_receipt",
    )
    file = fields.Binary()
    file_name = fields.Char()

    def action_attach(self):
        self.ensure_one()
        picking = self.picking_id
        entity = picking.partner_id.commercial_partner_id
        if not entity._b2b_is_entity():
            raise UserError(
                self.env._(
                    "%(delivery)s is not a delivery of a B2B customer.",
                    delivery=picking.display_name,
                )
            )
        content = base64.b64decode(self.file or b"")
        check = self.env["ir.attachment"]._b2b_check_upload(self.file_name, content)
        document = self.env["b2b.document"].create(
            {
                "document_type": self.document_type,
                "entity_id": entity.id,
                "picking_id": picking.id,
                "order_id": picking.sale_id.id,
                "contract_id": picking.sale_id.b2b_contract_id.id,
                "company_id": picking.company_id.id,
            }
        )
        document._b2b_attach(content, self.file_name, check.mimetype)
        document.action_send()
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.document",
            "res_id": document.id,
            "view_mode": "form",
        }
