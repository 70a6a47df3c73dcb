import datetime

from odoo import api, fields, models

# a one-page PDF with a line of text (the demo's files)
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]"
    b"/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>endobj\n"
    b"4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"5 0 obj<</Length 52>>stream\nBT /F1 18 Tf 72 760 Td (B2B demo document) Tj ET\n"
    b"endstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class B2bEdoCoreDemo(models.AbstractModel):
    """Demo documents of the registry itself (the parts add theirs): for the
    demo buyer's first entity, a letter waiting for an answer, a waybill,
    an accepted letter in the hash chain and a rejected one."""

    _name = "b2b.edo.core.demo"
    _description = "B2B documents demo (registry)"

    @api.model
    def _load_demo(self):
        entity = self.env.ref(
            "b2b_portal.entity_stroydvor_demo", raise_if_not_found=False
        )
        company = self.env.ref(
            "b2b_portal.supplier_company_demo", raise_if_not_found=False
        )
        if not entity or not company:
            return
        Document = self.env["b2b.document"].with_company(company)
        if Document.search_count([("entity_id", "=", entity.id)], limit=1):
            return
        today = fields.Date.context_today(self)
        buyer = self.env.ref("b2b_portal.user_buyer_demo", raise_if_not_found=False)
        rows = [
            ("other", "pismo-rekvizity.pdf", 3, "accept"),
            ("other", "pismo-grafik.pdf", 1, "sent"),
            ("waybill", "ttn.pdf", 5, "sent"),
            ("other", "pismo-ceny.pdf", 20, "reject"),
        ]
        for document_type, filename, days, outcome in rows:
            document = Document.create(
                {
                    "document_type": document_type,
                    "entity_id": entity.id,
                    "company_id": company.id,
                    "date": today - datetime.timedelta(days=days),
                }
            )
            document._b2b_attach(DEMO_PDF, filename, "application/pdf")
            document.action_send()
            decider = document.with_user(buyer) if buyer else document
            if outcome == "accept":
                decider.sudo()._b2b_accept()
            elif outcome == "reject":
                decider.sudo()._b2b_reject("Цены не совпадают с согласованными.")
