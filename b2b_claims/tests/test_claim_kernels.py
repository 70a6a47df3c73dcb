import datetime
import io

from odoo.tests import BaseCase
from odoo.tools.misc import file_path
from odoo.tools.pdf import PdfFileReader

from odoo.addons.b2b_portal.tools import uploads

from ..tools import (
    claim_bounds,
    claim_deadlines,
    claim_outcomes,
    discrepancy_act,
    photos,
)
from ..tools.claim_bounds import LineRequest

D = datetime.date


class TestClaimBounds(BaseCase):
    def test_claimable_takes_off_returns_and_other_claims(self):
        self.assertEqual(claim_bounds.claimable(10, returned=2, claimed=3), 5)
        self.assertEqual(claim_bounds.claimable(10, returned=8, claimed=5), 0)

    def test_over_what_is_left(self):
        errors = claim_bounds.check_lines([LineRequest(1, 6, "replacement")], {1: 5})
        self.assertEqual(errors, {1: "over"})
        self.assertFalse(
            claim_bounds.check_lines([LineRequest(1, 5, "replacement")], {1: 5})
        )

    def test_two_requests_on_one_line_share_what_is_left(self):
        errors = claim_bounds.check_lines(
            [LineRequest(1, 3, "refund"), LineRequest(1, 3, "refund")], {1: 5}
        )
        self.assertEqual(errors, {1: "over"})

    def test_undelivered_line(self):
        errors = claim_bounds.check_lines([LineRequest(7, 1, "refund")], {1: 5})
        self.assertEqual(errors, {7: "undelivered"})

    def test_demand_without_its_amount(self):
        left = {1: 5}
        for request, code in (
            (LineRequest(1, 1, "reduction_amount"), "amount"),
            (LineRequest(1, 1, "compensation", amount=0), "amount"),
            (LineRequest(1, 1, "reduction_percent", percent=0), "percent"),
            (LineRequest(1, 1, "reduction_percent", percent=150), "percent"),
            (LineRequest(1, 0, "refund"), "quantity"),
            (LineRequest(1, 1, "gift"), "demand"),
        ):
            self.assertEqual(claim_bounds.check_lines([request], left), {1: code})
        self.assertFalse(
            claim_bounds.check_lines(
                [LineRequest(1, 1, "reduction_percent", percent=10)], left
            )
        )


class TestClaimOutcomes(BaseCase):
    def test_amounts(self):
        self.assertEqual(
            claim_outcomes.approved_amount("reduction_percent", 10.0, 4, percent=25),
            10.0,
        )
        self.assertEqual(
            claim_outcomes.approved_amount("reduction_amount", 10.0, 4, 7.5), 7.5
        )
        self.assertEqual(
            claim_outcomes.approved_amount("compensation", 10.0, 1, 99), 99
        )
        self.assertEqual(claim_outcomes.approved_amount("refund", 3.0, 4), 12.0)
        self.assertEqual(claim_outcomes.approved_amount("replacement", 3.0, 4), 0.0)

    def test_kinds(self):
        kinds = claim_outcomes.outcome_kinds(
            [
                ("reduction_amount", True),
                ("compensation", True),
                ("refund", False),
                ("replacement", True),
                ("repair", True),
            ]
        )
        self.assertEqual(kinds, {"credit_note", "exchange", "repair"})


class TestClaimDeadlines(BaseCase):
    # December 2026: the 5th and 6th, 12th and 13th are a weekend
    WEEKENDS = {D(2026, 12, d) for d in (5, 6, 12, 13, 19, 20, 26, 27)}

    def test_working_days_skip_weekends(self):
        # Thursday 3rd + 3 working days: Fri 4, Mon 7, Tue 8
        self.assertEqual(
            claim_deadlines.add_working_days(D(2026, 12, 3), 3, self.WEEKENDS),
            D(2026, 12, 8),
        )

    def test_working_days_skip_holidays(self):
        holidays = self.WEEKENDS | {D(2026, 12, 7)}
        self.assertEqual(
            claim_deadlines.add_working_days(D(2026, 12, 3), 3, holidays),
            D(2026, 12, 9),
        )

    def test_pause_extends_the_service_deadline(self):
        paused = claim_deadlines.working_days_between(
            D(2026, 12, 4), D(2026, 12, 8), self.WEEKENDS
        )
        self.assertEqual(paused, 2)  # Monday and Tuesday
        self.assertEqual(
            claim_deadlines.service_deadline(D(2026, 12, 3), 3, paused, self.WEEKENDS),
            D(2026, 12, 10),
        )

    def test_legal_deadline_counts_calendar_days(self):
        self.assertEqual(claim_deadlines.legal_deadline(D(2026, 12, 3)), D(2027, 1, 2))
        self.assertEqual(
            claim_deadlines.legal_deadline(D(2026, 12, 3), 10), D(2026, 12, 13)
        )

    def test_colors(self):
        today = D(2026, 12, 10)
        self.assertEqual(
            claim_deadlines.deadline_color(D(2026, 12, 9), today), "danger"
        )
        self.assertEqual(
            claim_deadlines.deadline_color(D(2026, 12, 11), today), "warning"
        )
        self.assertEqual(
            claim_deadlines.deadline_color(D(2026, 12, 20), today), "success"
        )


class TestPhotos(BaseCase):
    def test_jpeg_exif_stripped(self):
        jpeg = (
            b"\xff\xd8\xff\xe1\x00\x0aExif\x00\x00GP"
            b"\xff\xe0\x00\x04JF\xff\xda\x00\x02\x01\x02\xff\xd9"
        )
        stripped = photos.strip_metadata("jpeg", jpeg)
        self.assertNotIn(b"Exif", stripped)
        self.assertTrue(stripped.startswith(b"\xff\xd8\xff\xe0"))
        self.assertTrue(stripped.endswith(b"\xff\xda\x00\x02\x01\x02\xff\xd9"))

    def test_png_text_chunks_stripped(self):
        def chunk(kind, data):
            return len(data).to_bytes(4, "big") + kind + data + b"\0\0\0\0"

        png = (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", b"x" * 13)
            + chunk(b"eXIf", b"GPS")
            + chunk(b"IDAT", b"data")
            + chunk(b"IEND", b"")
        )
        stripped = photos.strip_metadata("png", png)
        self.assertNotIn(b"eXIf", stripped)
        self.assertIn(b"IDAT", stripped)

    def test_pdf_unchanged(self):
        self.assertEqual(photos.strip_metadata("pdf", b"%PDF-1.4"), b"%PDF-1.4")


class TestDiscrepancyAct(BaseCase):
    def test_act_is_a_plain_one_page_pdf(self):
        act = discrepancy_act.DiscrepancyAct(
            number="7",
            date="2026-12-01",
            buyer="ООО «Ромашка»",
            supplier="ООО «Поставщик»",
            delivery="WH/OUT/00012",
            rows=[discrepancy_act.ActRow("Болт M8", "шт", 100, 97.5)],
            signer="Иванов И. И.",
        )
        pdf = discrepancy_act.discrepancy_act_pdf(
            act, file_path("web/static/fonts/sign/NotoSans-Reg.ttf")
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertLess(len(pdf), 100_000)
        check = uploads.check_upload("akt.pdf", pdf, kinds=("pdf",))
        self.assertTrue(check.ok, check.error)
        self.assertEqual(len(PdfFileReader(io.BytesIO(pdf)).pages), 1)
