"""A buyer's discrepancy act (акт о расхождении, after the ТОРГ-2 form) as a
small one-page PDF, no ORM: what the demo attaches to its shortage claim.

The act lists, per product, what the delivery document says and what was
received, and the difference; a font file with Cyrillic glyphs is given by
the caller (reportlab's own fonts have none).
"""

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas


@dataclass(frozen=True)
class ActRow:
    product: str
    unit: str
    expected: float
    received: float


@dataclass(frozen=True)
class DiscrepancyAct:
    number: str
    date: str
    buyer: str
    supplier: str
    delivery: str
    rows: list[ActRow] = field(default_factory=list)
    signer: str = ""


def _qty(value):
    return f"{value:g}".replace(".", ",")


def discrepancy_act_pdf(act, font_path):
    """The act as PDF bytes (A4, one page)."""
    font = "B2bActFont"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, font_path))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, pageCompression=1)
    pdf.setTitle(f"Акт о расхождении № {act.number}")
    width, height = A4
    y = height - 20 * mm
    pdf.setFont(font, 8)
    pdf.drawRightString(width - 15 * mm, y, "Унифицированная форма № ТОРГ-2")
    y -= 12 * mm
    pdf.setFont(font, 13)
    pdf.drawCentredString(width / 2, y, f"АКТ № {act.number} от {act.date}")
    y -= 6 * mm
    pdf.setFont(font, 10)
    pdf.drawCentredString(
        width / 2, y, "об установленном расхождении по количеству и качеству"
    )
    y -= 12 * mm
    for label, value in (
        ("Получатель", act.buyer),
        ("Поставщик", act.supplier),
        ("Документ поставки", act.delivery),
    ):
        pdf.drawString(15 * mm, y, f"{label}: {value}")
        y -= 6 * mm
    y -= 4 * mm
    columns = [15, 105, 125, 150, 175]
    headers = ["Товар", "Ед.", "По документу", "Принято", "Расхождение"]
    pdf.setFont(font, 9)
    for x, text in zip(columns, headers, strict=True):
        pdf.drawString(x * mm, y, text)
    y -= 2 * mm
    pdf.line(15 * mm, y, width - 15 * mm, y)
    y -= 5 * mm
    for row in act.rows:
        values = [
            row.product[:55],
            row.unit,
            _qty(row.expected),
            _qty(row.received),
            _qty(row.received - row.expected),
        ]
        for x, text in zip(columns, values, strict=True):
            pdf.drawString(x * mm, y, text)
        y -= 6 * mm
    y -= 10 * mm
    pdf.setFont(font, 10)
    pdf.drawString(15 * mm, y, f"Приёмку провёл: {act.signer} ____________")
    pdf.showPage()
    pdf.save()
    return out.getvalue()
