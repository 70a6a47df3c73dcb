"""The UPD exchange file (tools/upd_xml.py), without the ORM. The schema in
data/ is a subset of the official ON_NSCHFDOPPR_1_997_01_05_03_05.xsd of the
ФНС (приказ ЕД-7-26/970@, format 5.03); its header names the source."""

import dataclasses
import datetime
import re
from decimal import Decimal
from pathlib import Path

from lxml import etree

from odoo.tests import BaseCase

from ..tools import upd_xml

SCHEMA = Path(__file__).parent / "data" / "ON_NSCHFDOPPR_5_03_subset.xsd"


def sample(status=1, lines=2, **values):
    seller = upd_xml.UpdParty(
        name="ООО «ОптТорг»",
        inn="7713012347",
        kpp="771301001",
        address="127238, Москва, Дмитровское ш., д. 71Б",
        bank_account="40702810900000000001",
        bank_name="ПАО Сбербанк",
        bic="044525225",
        corr_account="30101810400000000225",
        edo_id="2BM-7713012347-771301001-000000000000000000001",
    )
    buyer = upd_xml.UpdParty(
        name="ООО «СтройДвор»", inn="7705123458", kpp="770501001", address="Москва"
    )
    vat = status == 1
    rows = tuple(
        upd_xml.UpdLine(
            number=n + 1,
            name=f"Болт М{n + 8} × 40",
            code=f"BOLT-{n}",
            quantity=Decimal("3"),
            price=Decimal("10.00"),
            amount_untaxed=Decimal("30.00"),
            amount_total=Decimal("36.60") if vat else Decimal("30.00"),
            tax_rate="22%" if vat else upd_xml.NO_VAT,
            tax_amount=Decimal("6.60") if vat else None,
        )
        for n in range(lines)
    )
    return upd_xml.UpdDocument(
        **dict(
            {
                "number": "UPD-2026-00001",
                "date": datetime.date(2026, 12, 2),
                "status": status,
                "seller": seller,
                "buyer": buyer,
                "lines": rows,
                "signer": upd_xml.UpdSigner("Петров", "Сергей", "Иванович"),
                "guid": "8c703486-75df-46f8-8f0a-959b09f807a9",
                "created_at": datetime.datetime(2026, 12, 2, 10, 5, 9),
                "basis": upd_xml.UpdReference(
                    "Договор поставки", "A-1", datetime.date(2026, 1, 15)
                ),
            },
            **values,
        )
    )


class TestUpdXml(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schema = etree.XMLSchema(etree.parse(str(SCHEMA)))

    def assertValid(self, content):
        root = etree.fromstring(content)
        self.assertTrue(self.schema.validate(root), str(self.schema.error_log))
        self.assertEqual(upd_xml.missing_elements(content), [])
        return root

    def test_status_1_is_a_vat_invoice_valid_against_the_schema(self):
        root = self.assertValid(upd_xml.build_xml(sample()))
        body = root.find("Документ")
        self.assertEqual(root.get("ВерсФорм"), "5.03")
        self.assertEqual((body.get("КНД"), body.get("Функция")), ("1115131", "СЧФДОП"))
        self.assertEqual(body.get("ДатаИнфПр"), "02.12.2026")
        self.assertEqual(body.get("ВремИнфПр"), "10.05.09")
        line = body.find("ТаблСчФакт/СведТов")
        self.assertEqual(line.get("НалСт"), "22%")
        self.assertEqual(line.findtext("СумНал/СумНал"), "6.60")
        totals = body.find("ТаблСчФакт/ВсегоОпл")
        self.assertEqual(totals.get("СтТовБезНДСВсего"), "60.00")
        self.assertEqual(totals.get("СтТовУчНалВсего"), "73.20")
        self.assertEqual(totals.findtext("СумНалВсего/СумНал"), "13.20")
        seller = body.find("СвСчФакт/СвПрод/ИдСв/СвЮЛУч")
        self.assertEqual(seller.get("ИННЮЛ"), "7713012347")
        self.assertEqual(seller.get("КПП"), "771301001")
        self.assertEqual(body.find("СвСчФакт/ГрузОт/ОнЖе").text, "он же")
        self.assertEqual(body.find("СвСчФакт/ДенИзм").get("КодОКВ"), "643")
        basis = body.find("СвПродПер/СвПер/ОснПер")
        self.assertEqual(basis.get("РеквНомерДок"), "A-1")

    def test_status_2_has_no_vat(self):
        root = self.assertValid(upd_xml.build_xml(sample(status=2)))
        body = root.find("Документ")
        self.assertEqual(body.get("Функция"), "ДОП")
        self.assertEqual(
            {line.get("НалСт") for line in body.iter("СведТов")}, {"без НДС"}
        )
        self.assertEqual(
            body.findtext("ТаблСчФакт/ВсегоОпл/СумНалВсего/БезНДС"), "без НДС"
        )

    def test_encoding_is_windows_1251_and_says_so(self):
        content = upd_xml.build_xml(sample())
        self.assertTrue(
            content.startswith(b'<?xml version="1.0" encoding="windows-1251"?>')
        )
        self.assertIn("ООО «СтройДвор»".encode("cp1251"), content)
        self.assertNotIn("СтройДвор".encode(), content)
        # a character windows-1251 lacks becomes a character reference
        odd = dataclasses.replace(
            sample(),
            lines=(dataclasses.replace(sample().lines[0], name="Ключ ⌀ 10"),),
        )
        self.assertIn(b"&#8960;", upd_xml.build_xml(odd))

    def test_file_name(self):
        document = sample()
        name = upd_xml.file_name(document)
        self.assertRegex(
            name,
            r"^ON_NSCHFDOPPR_7705123458770501001_2BM-7713012347-771301001-0+1_"
            r"20261202_8c703486-75df-46f8-8f0a-959b09f807a9_0_0_0_0_0_00\.xml$",
        )
        root = etree.fromstring(upd_xml.build_xml(document))
        self.assertEqual(root.get("ИдФайл") + ".xml", name)

    def test_sole_trader_and_no_contract(self):
        buyer = upd_xml.UpdParty(name="ИП Сидоров Пётр Павлович", inn="500100732259")
        root = self.assertValid(
            upd_xml.build_xml(sample(buyer=buyer, basis=None, payments=()))
        )
        person = root.find("Документ/СвСчФакт/СвПокуп/ИдСв/СвИП")
        self.assertEqual(person.find("ФИО").get("Фамилия"), "Сидоров")
        self.assertEqual(root.findtext("Документ/СвПродПер/СвПер/БезДокОснПер"), "1")

    def test_missing_elements_are_reported(self):
        root = etree.fromstring(upd_xml.build_xml(sample()))
        body = root.find("Документ")
        body.remove(body.find("Подписант"))
        del body.find("ТаблСчФакт/СведТов").attrib["НалСт"]
        content = etree.tostring(root, encoding="windows-1251")
        self.assertEqual(
            upd_xml.missing_elements(content),
            [
                "Документ/Подписант",
                "Документ/Подписант/ФИО",
                "Документ/ТаблСчФакт/СведТов@НалСт",
            ],
        )
        self.assertFalse(self.schema.validate(root))

    def test_amount_formats(self):
        self.assertEqual(upd_xml.money(Decimal("1.005")), "1.01")
        self.assertEqual(upd_xml.number(Decimal("2.50000")), "2.5")
        self.assertEqual(upd_xml.number(Decimal("3")), "3")
        self.assertTrue(re.fullmatch(r"\d+\.\d{2}", upd_xml.money(12)))
