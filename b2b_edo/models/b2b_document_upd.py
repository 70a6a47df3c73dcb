import hashlib
import logging
import uuid
from decimal import Decimal

from odoo import api, fields, models

from ..tools import upd_xml
from ..tools.portal_links import PortalLink

_logger = logging.getLogger(__name__)

# ОКЕИ codes and short names of Odoo's units (by XML id)
OKEI = {
    "uom.product_uom_unit": ("796", "шт"),
    "uom.product_uom_kgm": ("166", "кг"),
    "uom.product_uom_gram": ("163", "г"),
    "uom.product_uom_ton": ("168", "т"),
    "uom.product_uom_litre": ("112", "л"),
    "uom.product_uom_meter": ("006", "м"),
    "uom.product_uom_cm": ("004", "см"),
    "uom.product_uom_km": ("008", "км"),
    "uom.product_uom_square_meter": ("055", "м2"),
    "uom.product_uom_cubic_meter": ("113", "м3"),
    "uom.product_uom_hour": ("356", "ч"),
    "uom.product_uom_day": ("359", "сут"),
}
# ОКВ codes and names of the currencies a Russian supplier invoices in
CURRENCIES = {
    "RUB": ("643", "Российский рубль"),
    "USD": ("840", "Доллар США"),
    "EUR": ("978", "Евро"),
    "CNY": ("156", "Юань"),
    "KZT": ("398", "Тенге"),
    "BYN": ("933", "Белорусский рубль"),
}
# tax systems without VAT (status 2 unless the lines carry VAT)
NO_VAT_SYSTEMS = ("usn_income", "usn_profit", "patent")


class B2bDocument(models.Model):
    """The UPD part: a UPD per delivery (or per paid invoice) with its two
    files, the printed form (``attachment_id``) and the tax service's XML
    (``xml_attachment_id``), both frozen once the document is sent."""

    _inherit = "b2b.document"  # pylint: disable=consider-merging-classes-inherited

    xml_attachment_id = fields.Many2one(
        "ir.attachment", string="XML file", readonly=True, copy=False
    )
    xml_file_name = fields.Char(related="xml_attachment_id.name", string="XML name")
    xml_sha256 = fields.Char(string="XML SHA-256", readonly=True, copy=False)
    upd_status = fields.Selection(
        [("1", "1: VAT invoice and transfer document"), ("2", "2: transfer document")],
        string="UPD status",
        readonly=True,
        copy=False,
    )
    upd_guid = fields.Char(string="UPD file GUID", readonly=True, copy=False)

    def _b2b_locked_fields(self):
        """The core's lock (a sent document's file, hash, number...) covers
        the XML file and its hash too."""
        return super()._b2b_locked_fields() | {
            "xml_attachment_id",
            "xml_sha256",
            "upd_status",
            "upd_guid",
        }

    def _b2b_locked_attachments(self):
        """The XML file can no more be changed or deleted than the PDF."""
        return super()._b2b_locked_attachments() | self.xml_attachment_id

    def _b2b_portal_actions(self, user):
        """A UPD's XML file is downloaded beside its PDF."""
        actions = super()._b2b_portal_actions(user)
        if self.xml_attachment_id:
            actions.append(
                PortalLink(
                    label=self.env._("Download XML"),
                    url=f"/my/b2b/documents/{self.id}/xml",
                )
            )
        return actions

    # -- the files ----------------------------------------------------------------
    def _b2b_attach_xml(self, content, filename):
        """Store ``content`` as this draft UPD's XML file and its SHA-256."""
        self.ensure_one()
        old = self.xml_attachment_id
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": filename,
                    "raw": content,
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/xml",
                }
            )
        )
        self.sudo().write(
            {
                "xml_attachment_id": attachment.id,
                "xml_sha256": hashlib.sha256(content).hexdigest(),
            }
        )
        if old:
            old.sudo().unlink()
        return attachment

    def _b2b_upd_render(self):
        """Number the draft UPD, build both files, send it to the buyer."""
        self.ensure_one()
        self._b2b_assign_number()
        values = self._b2b_upd_values()
        self._b2b_attach_xml(upd_xml.build_xml(values), upd_xml.file_name(values))
        report = self.env.ref("b2b_edo.b2b_document_upd_report").sudo()
        pdf, _kind = report._render_qweb_pdf(report.report_name, self.ids)
        self._b2b_attach(pdf, f"{self.number}.pdf", "application/pdf")
        self.action_send()
        return self

    # -- which UPD, when ------------------------------------------------------------
    @api.model
    def _b2b_upd_company_ready(self, company):
        """A company makes UPDs when its trigger is set and it has the INN a
        UPD needs (a company that did not configure its requisites gets
        none)."""
        return company.b2b_upd_trigger != "never" and bool(company.vat)

    @api.model
    def _b2b_upd_for_pickings(self, pickings):
        """A UPD of each of ``pickings`` (done deliveries of B2B entities)
        that has none yet; returns the new ones."""
        existing = self.sudo().search(
            [
                ("document_type", "=", "upd"),
                ("picking_id", "in", pickings.ids),
                ("state", "not in", ("cancelled", "superseded")),
            ]
        )
        todo = pickings - existing.picking_id
        created = self.browse()
        for picking in todo:
            order = picking.sale_id
            created |= self._b2b_upd_create(
                {
                    "picking_id": picking.id,
                    "order_id": order.id,
                    "invoice_id": order.invoice_ids.filtered(
                        lambda m: m.move_type == "out_invoice" and m.state == "posted"
                    )[:1].id,
                    "company_id": picking.company_id.id,
                    "entity_id": order.partner_id.commercial_partner_id.id,
                    "contract_id": order.b2b_contract_id.id,
                    "date": fields.Date.context_today(self, picking.date_done),
                }
            )
        return created

    @api.model
    def _b2b_upd_for_invoices(self, invoices):
        """Trigger "on payment": a UPD of each paid invoice without one."""
        existing = self.sudo().search(
            [
                ("document_type", "=", "upd"),
                ("invoice_id", "in", invoices.ids),
                ("picking_id", "=", False),
                ("state", "not in", ("cancelled", "superseded")),
            ]
        )
        created = self.browse()
        for invoice in invoices - existing.invoice_id:
            order = invoice.line_ids.sale_line_ids.order_id[:1]
            created |= self._b2b_upd_create(
                {
                    "invoice_id": invoice.id,
                    "order_id": order.id,
                    "company_id": invoice.company_id.id,
                    "entity_id": invoice.commercial_partner_id.id,
                    "contract_id": order.b2b_contract_id.id,
                    "date": fields.Date.context_today(self),
                }
            )
        return created

    @api.model
    def _b2b_upd_create(self, values):
        document = (
            self.sudo()
            .with_company(values["company_id"])
            .create(dict(values, document_type="upd", upd_guid=str(uuid.uuid4())))
        )
        lines = document._b2b_upd_lines()
        if not lines:
            document.unlink()
            return self.browse()
        document.upd_status = "1" if document._b2b_upd_vat_payer(lines) else "2"
        return document._b2b_upd_render()

    # -- the values of both files ------------------------------------------------------
    def _b2b_upd_vat_payer(self, lines):
        """Status 1 when the seller pays VAT: its tax system is the general
        one (or not set) or the lines carry VAT; else status 2."""
        system = self.company_id.partner_id.b2b_tax_system
        carries_vat = any(line.tax_amount for line in lines)
        return carries_vat or system not in NO_VAT_SYSTEMS

    def _b2b_upd_okei(self, uom):
        xml_ids = uom.get_external_id()
        return OKEI.get(xml_ids.get(uom.id), ("", uom.name))

    def _b2b_upd_tax(self, taxes, price, qty, product):
        """(untaxed, total, tax amount or None, rate text) of a line."""
        partner = self.entity_id
        currency = self.company_id.currency_id
        result = taxes.compute_all(
            price, currency, qty, product=product, partner=partner
        )
        vat = sum(t["amount"] for t in result["taxes"])
        rates = {t.amount for t in taxes if t.amount_type == "percent"}
        rate = f"{int(rates.pop())}%" if len(rates) == 1 else upd_xml.NO_VAT
        if not taxes:
            return result["total_excluded"], result["total_included"], None, rate
        return result["total_excluded"], result["total_included"], vat, rate

    def _b2b_upd_line(self, number, product, qty, price, discount, taxes, uom):
        price = price * (1 - (discount or 0.0) / 100.0)
        untaxed, total, vat, rate = self._b2b_upd_tax(taxes, price, qty, product)
        okei, uom_name = self._b2b_upd_okei(uom)
        return upd_xml.UpdLine(
            number=number,
            name=product.with_context(display_default_code=False).display_name,
            code=product.default_code or "",
            quantity=Decimal(str(qty)),
            price=Decimal(str(round(untaxed / qty, 2) if qty else 0)),
            amount_untaxed=Decimal(str(untaxed)),
            amount_total=Decimal(str(total)),
            tax_rate=rate,
            tax_amount=None if vat is None else Decimal(str(vat)),
            uom_code=okei or "796",
            uom_name=uom_name,
        )

    def _b2b_upd_lines(self):
        """The lines of this UPD: the done moves of its delivery, priced as
        the order sold them; without a delivery, the invoice's lines."""
        self.ensure_one()
        lines = []
        if self.picking_id:
            moves = self.picking_id.move_ids.filtered(
                lambda m: m.state == "done" and m.quantity > 0
            )
            for move in moves:
                sale_line = move.sale_line_id
                uom = sale_line.product_uom_id or move.product_uom
                qty = move.product_uom._compute_quantity(move.quantity, uom)
                lines.append(
                    self._b2b_upd_line(
                        len(lines) + 1,
                        move.product_id,
                        qty,
                        sale_line.price_unit if sale_line else 0.0,
                        sale_line.discount,
                        sale_line.tax_ids,
                        uom,
                    )
                )
        elif self.invoice_id:
            for line in self.invoice_id.invoice_line_ids.filtered(
                lambda line: line.display_type == "product" and line.quantity
            ):
                lines.append(
                    self._b2b_upd_line(
                        len(lines) + 1,
                        line.product_id,
                        line.quantity,
                        line.price_unit,
                        line.discount,
                        line.tax_ids,
                        line.product_uom_id,
                    )
                )
        return [line for line in lines if line.quantity > 0]

    def _b2b_upd_party(self, partner, address_partner=None):
        partner = partner.sudo()
        bank = partner.bank_ids[:1]
        address = (address_partner or partner).sudo()
        return upd_xml.UpdParty(
            name=partner.name,
            inn=partner.vat or "",
            kpp=partner.b2b_kpp or "",
            address=address._b2b_address_line(),
            bank_account=bank.acc_number or "",
            bank_name=bank.bank_id.name or "",
            bic=bank.bank_id.bic or "",
            corr_account=bank.bank_id.b2b_corr_account or "",
            edo_id=partner.b2b_edo_participant_id or "",
        )

    def _b2b_upd_signer(self):
        company = self.company_id.sudo()
        parts = (company.b2b_director_name or self.env.user.name or "-").split()
        parts += ["-"] * (2 - len(parts))
        return upd_xml.UpdSigner(
            last_name=parts[0],
            first_name=parts[1],
            middle_name=" ".join(parts[2:]),
            position=company.b2b_director_title or "Генеральный директор",
        )

    def _b2b_upd_payments(self):
        payments = []
        for move in self.invoice_id.sudo()._get_reconciled_payments().move_id:
            payments.append(
                upd_xml.UpdReference(
                    name="Платёжное поручение",
                    number=move.name,
                    date=move.date,
                    amount=Decimal(str(abs(move.amount_total_signed))),
                )
            )
        return tuple(payments)

    def _b2b_upd_values(self):
        """The UpdDocument of this UPD: what both files print."""
        self.ensure_one()
        # in the buyer's language (Russian names of units, currency, country)
        lang = self.sudo().entity_id.lang or "ru_RU"
        if not self.env["res.lang"]._lang_get(lang):
            lang = self.env.lang
        doc = self.sudo().with_context(lang=lang)
        company = doc.company_id
        order = doc.order_id
        contract = doc.contract_id
        currency = company.currency_id
        basis = None
        if contract:
            basis = upd_xml.UpdReference(
                name="Договор поставки",
                number=contract.name,
                date=contract.date or doc.date,
            )
        created = fields.Datetime.context_timestamp(
            doc, doc.create_date or fields.Datetime.now()
        )
        shipping = doc.picking_id.partner_id or order.partner_shipping_id
        return upd_xml.UpdDocument(
            number=doc.number or "",
            date=doc.date,
            status=int(doc.upd_status or "1"),
            seller=doc._b2b_upd_party(company.partner_id),
            buyer=doc._b2b_upd_party(doc.entity_id),
            consignee=doc._b2b_upd_party(doc.entity_id, shipping or None),
            lines=tuple(doc._b2b_upd_lines()),
            signer=doc._b2b_upd_signer(),
            guid=doc.upd_guid or str(uuid.uuid4()),
            created_at=created,
            currency_code=CURRENCIES.get(
                currency.name, (f"{currency.iso_numeric or 643:03d}",)
            )[0],
            currency_name=CURRENCIES.get(currency.name, ("", currency.full_name))[1]
            or currency.name,
            payments=doc._b2b_upd_payments(),
            basis=basis,
            transfer_date=doc.date,
            extra={"order": order.name or "", "delivery": doc.picking_id.name or ""},
        )
