from odoo import api, models

from ..tools import upd_xml


def ru_money(value):
    """1234567.5 → "1 234 567,50" (a no-break space between thousands)."""
    text = f"{float(value):,.2f}"
    return text.replace(",", "\u00a0").replace(".", ",")


def ru_number(value):
    return upd_xml.number(value, digits=3).replace(".", ",")


class ReportUpd(models.AbstractModel):
    """The printed UPD reads the same ``UpdDocument`` as the XML file."""

    _name = "report.b2b_edo.report_upd"
    _description = "UPD printed form"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["b2b.document"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "b2b.document",
            "docs": docs,
            "upd": {doc.id: doc._b2b_upd_values() for doc in docs},
            "money": ru_money,
            "qty": ru_number,
            "ru_date": upd_xml.ru_date,
            "document_names": upd_xml.DOCUMENT_NAMES,
        }
