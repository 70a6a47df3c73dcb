from odoo import api, models

DEMO_REJECT_REASON = (
    "Доверенность не подписана директором: загрузите скан подписанной копии."
)


def demo_pdf(title):
    """A one-page PDF with ``title`` (ASCII) on it: the demo's scans."""
    text = title.replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 18 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


class B2bDemo(models.AbstractModel):
    _inherit = "b2b.demo"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _b2b_edo_founding_demo_checklist(self, company):
        """The demo supplier's checklist: a copy of the default one (the main
        company's), names and translations included."""
        keys = [
            "charter",
            "register_extract",
            "director_appointment",
            "power_of_attorney",
            "passport",
            "ogrnip",
        ]
        items = {}
        for key in keys:
            default = self.env.ref(f"b2b_edo.founding_item_{key}")
            items[key] = default.copy({"company_id": company.id})
            self.env["ir.model.data"].create(
                {
                    "module": "b2b_edo",
                    "name": f"founding_item_{key}_demo",
                    "model": items[key]._name,
                    "res_id": items[key].id,
                    "noupdate": True,
                }
            )
        return items

    @api.model
    def _b2b_edo_founding_demo(self):
        """Founding documents of the demo buyer's entities: СтройДвор's and
        ТехноСнаб's required ones accepted (both order), СтройДвор's power of
        attorney rejected with a reason, ТехноСнаб's waiting for the manager;
        and the supplier's own charter and extract, published."""
        company = self.env.ref(
            "b2b_portal.supplier_company_demo", raise_if_not_found=False
        )
        if not company:
            return
        entities = [
            self.env.ref(f"b2b_portal.{key}_demo")
            for key in ("entity_stroydvor", "entity_tekhnosnab")
        ]
        Document = self.env["b2b.document"].with_company(company)
        if Document.search_count(
            [
                ("entity_id", "in", [e.id for e in entities]),
                ("founding_item_id", "!=", False),
            ],
            limit=1,
        ):
            return
        company.b2b_founding_required = True
        buyer = self.env.ref("b2b_portal.user_buyer_demo")
        manager = self.env.ref("b2b_portal.user_manager_demo")
        refs = self._b2b_edo_founding_demo_checklist(company)
        plan = [
            (entities[0], "charter", "accept"),
            (entities[0], "register_extract", "accept"),
            (entities[0], "director_appointment", "accept"),
            (entities[0], "power_of_attorney", "reject"),
            (entities[1], "charter", "accept"),
            (entities[1], "register_extract", "accept"),
            (entities[1], "director_appointment", "accept"),
            (entities[1], "power_of_attorney", "wait"),
        ]
        uploads = Document.with_user(buyer).with_context(mail_notrack=True)
        for entity, key, decision in plan:
            document = uploads._b2b_founding_upload(
                entity,
                refs[key],
                f"{key}.pdf",
                demo_pdf(f"{key.replace('_', ' ').title()} - {entity.vat} (demo)"),
            ).with_user(manager)
            if decision == "accept":
                document.action_b2b_founding_accept()
            elif decision == "reject":
                document._b2b_founding_reject(DEMO_REJECT_REASON)
        for title in ("Supplier charter", "Supplier register extract"):
            own = Document.create(
                {
                    "document_type": "founding",
                    "direction": "outgoing",
                    "company_id": company.id,
                }
            )
            own._b2b_attach(
                demo_pdf(f"{title} (demo)"),
                f"{title.lower().replace(' ', '_')}.pdf",
                "application/pdf",
            )
            own.with_user(manager).action_b2b_publish()
