import datetime

from odoo.tests import BaseCase

from ..tools import amount_words, gost_qr, payment_invoice, ru_dates


class TestAmountWords(BaseCase):
    def test_zero(self):
        self.assertEqual(amount_words.amount_in_words(0), "Ноль рублей 00 копеек")

    def test_one(self):
        self.assertEqual(amount_words.amount_in_words(1), "Один рубль 00 копеек")

    def test_twenty_one(self):
        self.assertEqual(
            amount_words.amount_in_words(21), "Двадцать один рубль 00 копеек"
        )

    def test_million_and_a_half_rouble(self):
        self.assertEqual(
            amount_words.amount_in_words(1_000_000.50),
            "Один миллион рублей 50 копеек",
        )
        self.assertEqual(
            amount_words.format_amount(1_000_000.50), "1\u00a0000\u00a0000,50"
        )

    def test_kopecks_and_few(self):
        self.assertEqual(
            amount_words.amount_in_words(197.05),
            "Сто девяносто семь рублей 05 копеек",
        )
        self.assertEqual(amount_words.amount_in_words(2.01), "Два рубля 01 копейка")
        # a float's binary error never loses a kopeck
        self.assertEqual(amount_words.to_kopecks(0.1 + 0.2), 30)
        self.assertEqual(amount_words.to_kopecks(1525), 152500)

    def test_negative_refused(self):
        with self.assertRaises(ValueError):
            amount_words.amount_in_words(-1)


class TestGostQr(BaseCase):
    VALUES = {
        "Name": "ООО «Поставщик»",
        "PersonalAcc": "40702810701300012345",
        "BankName": "АО «Альфа-Банк»",
        "BIC": "044525593",
        "CorrespAcc": "30101810200000000593",
        "PayeeINN": "7703000037",
        "KPP": "770301001",
        "Sum": 152500,
        "Purpose": "Оплата по счёту № INV-2026-00001 от 02.12.2026",
    }

    def test_known_case(self):
        self.assertEqual(
            gost_qr.payment_string(self.VALUES),
            "ST00012|Name=ООО «Поставщик»|PersonalAcc=40702810701300012345"
            "|BankName=АО «Альфа-Банк»|BIC=044525593"
            "|CorrespAcc=30101810200000000593|PayeeINN=7703000037"
            "|KPP=770301001|Sum=152500"
            "|Purpose=Оплата по счёту № INV-2026-00001 от 02.12.2026",
        )

    def test_separator_and_breaks_escaped(self):
        values = dict(self.VALUES, Name="ООО «A|B»", Purpose="Счёт 1\nи|2")
        text = gost_qr.payment_string(values)
        self.assertIn("|Name=ООО «A/B»|", text)
        self.assertTrue(text.endswith("|Purpose=Счёт 1 и/2"))
        # nine pairs and the header, whatever the values held
        self.assertEqual(len(text.split("|")), 10)

    def test_mandatory_first_optional_empty_left_out(self):
        values = dict(self.VALUES, KPP="", CorrespAcc=None)
        values = {"Purpose": values.pop("Purpose"), **values}
        text = gost_qr.payment_string(values)
        keys = [pair.split("=")[0] for pair in text.split("|")[1:]]
        self.assertEqual(keys[:5], list(gost_qr.MANDATORY))
        self.assertNotIn("KPP", keys)
        self.assertIn("|CorrespAcc=0|", text)

    def test_missing_mandatory(self):
        with self.assertRaisesRegex(ValueError, "BIC"):
            gost_qr.payment_string(dict(self.VALUES, BIC=""))

    def test_lengths_cut(self):
        text = gost_qr.payment_string(dict(self.VALUES, Purpose="x" * 300))
        self.assertTrue(text.endswith("|Purpose=" + "x" * 210))


class TestPaymentInvoiceKernel(BaseCase):
    def test_content_hash(self):
        first = {"lines": [{"q": 1.0, "p": 10.001}], "total": 10.0}
        same = {"total": 10.0, "lines": [{"p": 10.0, "q": 1.0}]}
        other = {"lines": [{"q": 2.0, "p": 10.0}], "total": 20.0}
        self.assertEqual(
            payment_invoice.content_hash(first), payment_invoice.content_hash(same)
        )
        self.assertNotEqual(
            payment_invoice.content_hash(first), payment_invoice.content_hash(other)
        )

    def test_vat_lines(self):
        lines = [(22.0, 220.0), (10.0, 10.0), (22.0, 55.0), (None, 0.0)]
        self.assertEqual(
            payment_invoice.vat_lines(lines), [(22.0, 275.0), (10.0, 10.0)]
        )
        self.assertEqual(payment_invoice.vat_lines([(None, 0.0)]), [])
        self.assertEqual(payment_invoice.rate_label(10.5), "10,5")

    def test_dates(self):
        date = datetime.date(2026, 12, 2)
        self.assertEqual(ru_dates.long_date(date), "2 декабря 2026 г.")
        self.assertEqual(ru_dates.short_date(date), "02.12.2026")
