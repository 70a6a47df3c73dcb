"""The UPD (универсальный передаточный документ) as the tax service's XML,
format 5.03 of приказ ФНС ЕД-7-26/970@ (the seller's file, КНД 1115131):
a tree of dataclasses in, windows-1251 bytes out. No ORM.

``UpdDocument`` holds what both files of a UPD show (the printed form of
Постановление Правительства № 1137 reads the same values); ``build_xml``
turns it into the exchange file, ``file_id`` gives its name
(``ON_NSCHFDOPPR_<recipient>_<sender>_<YYYYMMDD>_<GUID>_0_0_0_0_0_00``) and
``missing_elements`` lists the mandatory elements and attributes a file
lacks (the check used where the official schema is not at hand).

Status 1 (VAT invoice and transfer document) is the function ``СЧФДОП``,
status 2 (transfer document only, without VAT) is ``ДОП``.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from lxml import etree

FORMAT_VERSION = "5.03"
KND = "1115131"
FILE_PREFIX = "ON_NSCHFDOPPR"
ENCODING = "windows-1251"
PROGRAM = "B2B Suite 19.0"
FUNCTIONS = {1: "СЧФДОП", 2: "ДОП"}
TRANSFER_DOCUMENT = (
    "Документ об отгрузке товаров (выполнении работ), передаче имущественных "
    "прав (документ об оказании услуг)"
)
DOCUMENT_NAMES = {
    1: "Счет-фактура и " + TRANSFER_DOCUMENT[0].lower() + TRANSFER_DOCUMENT[1:],
    2: TRANSFER_DOCUMENT,
}
NO_VAT = "без НДС"
NO_EXCISE = "без акциза"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class UpdParty:
    """A participant: seller, buyer, shipper or consignee. ``inn`` of 10
    digits is an organisation, of 12 a sole trader (``name`` then holds
    "ИП Фамилия Имя Отчество"); ``edo_id`` its participant id at the EDO
    operator (the INN and KPP when it has none)."""

    name: str
    inn: str
    kpp: str = ""
    address: str = ""
    country_code: str = "643"
    country_name: str = "Россия"
    bank_account: str = ""
    bank_name: str = ""
    bic: str = ""
    corr_account: str = ""
    edo_id: str = ""

    @property
    def participant_id(self):
        return self.edo_id or f"{self.inn}{self.kpp}"

    @property
    def is_sole_trader(self):
        return len(self.inn or "") == 12


@dataclass(frozen=True)
class UpdLine:
    """One line of the table (columns 1–11 of the form). ``price`` and
    ``amount_untaxed`` are without VAT; ``tax_rate`` is "22%", "10%", "0%"
    or "без НДС" (then ``tax_amount`` is None); ``excise`` None is "без
    акциза"."""

    number: int
    name: str
    quantity: Decimal
    price: Decimal
    amount_untaxed: Decimal
    amount_total: Decimal
    tax_rate: str = NO_VAT
    tax_amount: Decimal | None = None
    code: str = ""
    type_code: str = ""
    uom_code: str = "796"
    uom_name: str = "шт"
    excise: Decimal | None = None
    country_code: str = ""
    country_name: str = ""
    customs_declaration: str = ""


@dataclass(frozen=True)
class UpdSigner:
    last_name: str
    first_name: str
    middle_name: str = ""
    position: str = "Генеральный директор"

    @property
    def full_name(self):
        return " ".join(
            p for p in (self.last_name, self.first_name, self.middle_name) if p
        )


@dataclass(frozen=True)
class UpdReference:
    """A document referred to: the contract (basis of the transfer), a
    payment document (line 5), the shipping document itself (line 5a)."""

    name: str
    number: str
    date: datetime.date
    amount: Decimal | None = None


@dataclass(frozen=True)
class UpdDocument:
    number: str
    date: datetime.date
    status: int
    seller: UpdParty
    buyer: UpdParty
    lines: tuple
    signer: UpdSigner
    guid: str
    created_at: datetime.datetime
    shipper: UpdParty | None = None  # None: the seller ("он же")
    consignee: UpdParty | None = None  # None: the buyer
    currency_code: str = "643"
    currency_name: str = "Российский рубль"
    payments: tuple = ()
    basis: UpdReference | None = None
    transfer_date: datetime.date | None = None
    operation: str = "Товары переданы"
    extra: dict = field(default_factory=dict)

    @property
    def function(self):
        return FUNCTIONS[self.status]

    @property
    def amount_untaxed(self):
        return sum((line.amount_untaxed for line in self.lines), Decimal(0))

    @property
    def amount_total(self):
        return sum((line.amount_total for line in self.lines), Decimal(0))

    @property
    def tax_amount(self):
        """The VAT of the document, None when no line carries VAT."""
        taxes = [line.tax_amount for line in self.lines if line.tax_amount is not None]
        return sum(taxes, Decimal(0)) if taxes else None


# -- formatting -------------------------------------------------------------------
def money(value):
    return str(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


def number(value, digits=11):
    """A quantity or price: up to ``digits`` decimals, no trailing zeros."""
    text = f"{Decimal(value):.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def ru_date(value):
    return value.strftime("%d.%m.%Y")


def file_id(document, flags="0_0_0_0_0_00"):
    """The exchange file's identifier, also its name without ``.xml``."""
    return "_".join(
        (
            FILE_PREFIX,
            document.buyer.participant_id,
            document.seller.participant_id,
            document.date.strftime("%Y%m%d"),
            document.guid,
            flags,
        )
    )


def file_name(document):
    return file_id(document) + ".xml"


# -- the tree ---------------------------------------------------------------------
def _sub(parent, tag, **attrs):
    return etree.SubElement(parent, tag, {k: v for k, v in attrs.items() if v})


def _person_name(parent, tag, full_name):
    parts = full_name.replace("ИП ", "", 1).split()
    parts += [""] * (3 - len(parts))
    return _sub(
        parent,
        tag,
        Фамилия=parts[0] or "-",
        Имя=parts[1] or "-",
        Отчество=" ".join(parts[2:]).strip(),
    )


def _party(parent, tag, party):
    node = _sub(parent, tag)
    ids = _sub(node, "ИдСв")
    if party.is_sole_trader:
        person = _sub(ids, "СвИП", ИННФЛ=party.inn)
        _person_name(person, "ФИО", party.name)
    else:
        _sub(ids, "СвЮЛУч", НаимОрг=party.name, ИННЮЛ=party.inn, КПП=party.kpp)
    address = _sub(node, "Адрес")
    _sub(
        address,
        "АдрИнф",
        КодСтр=party.country_code,
        НаимСтран=party.country_name,
        АдрТекст=party.address or party.country_name,
    )
    if party.bank_account:
        bank = _sub(node, "БанкРекв", НомерСчета=party.bank_account)
        if party.bank_name or party.bic:
            _sub(
                bank,
                "СвБанк",
                НаимБанк=party.bank_name,
                БИК=party.bic,
                КорСчет=party.corr_account,
            )
    return node


def _reference(parent, tag, reference):
    return _sub(
        parent,
        tag,
        РеквНаимДок=reference.name,
        РеквНомерДок=reference.number,
        РеквДатаДок=ru_date(reference.date),
    )


def _tax(parent, tag, inner, amount):
    node = _sub(parent, tag)
    if amount is None:
        etree.SubElement(node, "БезНДС").text = NO_VAT
    else:
        etree.SubElement(node, inner).text = money(amount)
    return node


def _line(table, line, status):
    vat = status == 1 and line.tax_amount is not None
    node = _sub(
        table,
        "СведТов",
        НомСтр=str(line.number),
        НаимТов=line.name,
        ОКЕИ_Тов=line.uom_code,
        НаимЕдИзм=line.uom_name,
        КолТов=number(line.quantity),
        ЦенаТов=number(line.price),
        СтТовБезНДС=money(line.amount_untaxed),
        НалСт=line.tax_rate if vat else NO_VAT,
        СтТовУчНал=money(line.amount_total),
    )
    if line.country_code or line.customs_declaration:
        _sub(
            node,
            "СвДТ",
            КодПроисх=line.country_code,
            НомерДТ=line.customs_declaration,
        )
    extra = _sub(
        node, "ДопСведТов", ПрТовРаб="1", КодТов=line.code, КодВидТов=line.type_code
    )
    if line.country_name:
        etree.SubElement(extra, "КрНаимСтрПр").text = line.country_name
    excise = _sub(node, "Акциз")
    if line.excise is None:
        etree.SubElement(excise, "БезАкциз").text = NO_EXCISE
    else:
        etree.SubElement(excise, "СумАкциз").text = money(line.excise)
    _tax(node, "СумНал", "СумНал", line.tax_amount if vat else None)
    return node


def build_tree(document):
    """The ``Файл`` element of ``document``."""
    root = etree.Element(
        "Файл",
        ИдФайл=file_id(document),
        ВерсФорм=FORMAT_VERSION,
        ВерсПрог=PROGRAM,
    )
    body = _sub(
        root,
        "Документ",
        КНД=KND,
        Функция=document.function,
        ПоФактХЖ=TRANSFER_DOCUMENT,
        НаимДокОпр=DOCUMENT_NAMES[document.status],
        ДатаИнфПр=ru_date(document.created_at),
        ВремИнфПр=document.created_at.strftime("%H.%M.%S"),
        НаимЭконСубСост=document.seller.name,
    )
    invoice = _sub(
        body, "СвСчФакт", НомерДок=document.number, ДатаДок=ru_date(document.date)
    )
    _party(invoice, "СвПрод", document.seller)
    shipper = _sub(invoice, "ГрузОт")
    if document.shipper:
        _party(shipper, "ГрузОтпр", document.shipper)
    else:
        etree.SubElement(shipper, "ОнЖе").text = "он же"
    _party(invoice, "ГрузПолуч", document.consignee or document.buyer)
    for payment in document.payments:
        _sub(
            invoice,
            "СвПРД",
            НомерПРД=payment.number,
            ДатаПРД=ru_date(payment.date),
            СуммаПРД=money(payment.amount) if payment.amount is not None else "",
        )
    _sub(
        invoice,
        "ДокПодтвОтгрНом",
        РеквНаимДок="Универсальный передаточный документ",
        РеквНомерДок=document.number,
        РеквДатаДок=ru_date(document.date),
    )
    _party(invoice, "СвПокуп", document.buyer)
    _sub(
        invoice,
        "ДенИзм",
        КодОКВ=document.currency_code,
        НаимОКВ=document.currency_name,
    )
    table = _sub(body, "ТаблСчФакт")
    for line in document.lines:
        _line(table, line, document.status)
    totals = _sub(
        table,
        "ВсегоОпл",
        СтТовБезНДСВсего=money(document.amount_untaxed),
        СтТовУчНалВсего=money(document.amount_total),
    )
    _tax(
        totals,
        "СумНалВсего",
        "СумНал",
        document.tax_amount if document.status == 1 else None,
    )
    transfer = _sub(body, "СвПродПер")
    handover = _sub(
        transfer,
        "СвПер",
        СодОпер=document.operation,
        ДатаПер=ru_date(document.transfer_date or document.date),
    )
    if document.basis:
        _reference(handover, "ОснПер", document.basis)
    else:
        etree.SubElement(handover, "БезДокОснПер").text = "1"
    person = _sub(
        _sub(handover, "СвЛицПер"), "РабОргПрод", Должность=document.signer.position
    )
    _signer_name(person, document.signer)
    signer = _sub(body, "Подписант", Должн=document.signer.position, СпосПодтПолном="1")
    _signer_name(signer, document.signer)
    return root


def _signer_name(parent, signer):
    return _sub(
        parent,
        "ФИО",
        Фамилия=signer.last_name,
        Имя=signer.first_name,
        Отчество=signer.middle_name,
    )


def build_xml(document):
    """The exchange file: windows-1251 bytes with the XML declaration saying
    so (characters outside windows-1251 become character references)."""
    declaration = f'<?xml version="1.0" encoding="{ENCODING}"?>\n'.encode()
    body = etree.tostring(
        build_tree(document), encoding=ENCODING, xml_declaration=False
    )
    return declaration + body


# -- the mandatory elements -------------------------------------------------------
# (path from Файл, required attributes) per приказ ЕД-7-26/970@, format 5.03
MANDATORY = (
    (".", ("ИдФайл", "ВерсФорм", "ВерсПрог")),
    ("Документ", ("КНД", "Функция", "ДатаИнфПр", "ВремИнфПр", "НаимДокОпр")),
    ("Документ/СвСчФакт", ("НомерДок", "ДатаДок")),
    ("Документ/СвСчФакт/СвПрод/ИдСв", ()),
    ("Документ/СвСчФакт/СвПрод/Адрес", ()),
    ("Документ/СвСчФакт/СвПокуп/ИдСв", ()),
    ("Документ/СвСчФакт/СвПокуп/Адрес", ()),
    ("Документ/СвСчФакт/ДенИзм", ("КодОКВ", "НаимОКВ")),
    ("Документ/ТаблСчФакт/СведТов", ("НомСтр", "НаимТов", "НалСт", "СтТовУчНал")),
    ("Документ/ТаблСчФакт/СведТов/СумНал", ()),
    ("Документ/ТаблСчФакт/ВсегоОпл", ("СтТовУчНалВсего",)),
    ("Документ/ТаблСчФакт/ВсегоОпл/СумНалВсего", ()),
    ("Документ/СвПродПер/СвПер", ("СодОпер",)),
    ("Документ/Подписант", ("СпосПодтПолном",)),
    ("Документ/Подписант/ФИО", ("Фамилия", "Имя")),
)


def missing_elements(content):
    """What the exchange file ``content`` (bytes) lacks of the mandatory
    elements and attributes, as ``path`` or ``path@attribute`` strings;
    empty when complete."""
    root = etree.fromstring(content)
    missing = []
    if root.tag != "Файл":
        return ["Файл"]
    for path, attributes in MANDATORY:
        nodes = root.findall(path) if path != "." else [root]
        if not nodes:
            missing.append(path)
            continue
        missing.extend(
            f"{path}@{name}"
            for node in nodes
            for name in attributes
            if not node.get(name)
        )
    if root.get("ВерсФорм") != FORMAT_VERSION:
        missing.append(f".@ВерсФорм={FORMAT_VERSION}")
    return sorted(set(missing))
