"""The demo catalog of a Russian wholesale supplier, as plain data.

Families of products are expanded into about 300 items with a SKU, an EAN-13
barcode, Russian and English names, a weight, prices, a box and a pallet size,
and a stock situation (on hand, out of stock, incoming). Deterministic: the
same call always gives the same catalog, so tests can rely on it.
No ORM here: ``models/b2b_demo.py`` turns it into records.
"""

import itertools
import random

# (sku prefix, category path (ru, en) pairs, name templates (ru, en),
#  variant axes, base price in RUB, weight per unit in kg, box, pallet)
FAMILIES = [
    (
        "SCR",
        [("Крепёж", "Fasteners"), ("Саморезы", "Screws")],
        ("Саморез по дереву {0}×{1} мм, 200 шт", "Wood screw {0}×{1} mm, 200 pcs"),
        [["3,5", "4,2", "4,8"], [25, 35, 45, 55, 75, 90]],
        180,
        0.6,
        20,
        800,
    ),
    (
        "ANC",
        [("Крепёж", "Fasteners"), ("Дюбели", "Anchors")],
        ("Дюбель распорный {0}×{1} мм, 100 шт", "Expansion plug {0}×{1} mm, 100 pcs"),
        [[6, 8, 10, 12], [30, 40, 50, 60, 80]],
        95,
        0.3,
        50,
        2000,
    ),
    (
        "BLT",
        [("Крепёж", "Fasteners"), ("Болты", "Bolts")],
        (
            "Болт DIN 933 M{0}×{1} оцинкованный, 50 шт",
            "Bolt DIN 933 M{0}×{1} zinc plated, 50 pcs",
        ),
        [[6, 8, 10, 12], [20, 30, 40, 50, 60]],
        260,
        1.1,
        20,
        600,
    ),
    (
        "KEY",
        [("Инструмент", "Tools"), ("Ручной инструмент", "Hand tools")],
        ("Ключ комбинированный {0} мм", "Combination spanner {0} mm"),
        [list(range(6, 26))],
        210,
        0.12,
        10,
        1200,
    ),
    (
        "DRL",
        [("Инструмент", "Tools"), ("Оснастка", "Bits and drills")],
        ("Сверло по металлу HSS {0} мм", "HSS metal drill bit {0} mm"),
        [[f"{d / 2:g}".replace(".", ",") for d in range(2, 28)]],
        45,
        0.02,
        10,
        5000,
    ),
    (
        "DSC",
        [("Инструмент", "Tools"), ("Абразивы", "Abrasives")],
        (
            "Круг отрезной по металлу {0}×{1}×22,2 мм",
            "Metal cutting disc {0}×{1}×22.2 mm",
        ),
        [[115, 125, 150, 180, 230], ["1,0", "1,2", "1,6", "2,0", "2,5"]],
        38,
        0.1,
        25,
        2500,
    ),
    (
        "CBL",
        [("Электротовары", "Electrical"), ("Кабель", "Cable")],
        (
            "Кабель ВВГнг-LS {0}×{1} мм², бухта 100 м",
            "Cable VVGng-LS {0}×{1} mm², 100 m coil",
        ),
        [[2, 3, 4, 5], ["1,5", "2,5", 4, 6, 10]],
        4200,
        9.5,
        1,
        40,
    ),
    (
        "LED",
        [("Электротовары", "Electrical"), ("Лампы", "Lamps")],
        ("Лампа светодиодная {0} Вт {1} {2}K", "LED lamp {0} W {1} {2}K"),
        [[7, 10, 13, 15], ["E27", "E14"], [3000, 4000, 6500]],
        85,
        0.05,
        50,
        3000,
    ),
    (
        "SOC",
        [
            ("Электротовары", "Electrical"),
            ("Розетки и выключатели", "Sockets and switches"),
        ],
        ("Розетка {0}, {1}", "Socket {0}, {1}"),
        [
            ["одинарная", "двойная", "с заземлением", "IP44 с крышкой"],
            ["белая", "бежевая", "антрацит", "алюминий"],
        ],
        160,
        0.08,
        20,
        2400,
    ),
    (
        "EXT",
        [("Электротовары", "Electrical"), ("Удлинители", "Extension leads")],
        ("Удлинитель {0} розеток, {1} м", "Extension lead, {0} sockets, {1} m"),
        [[3, 4, 5, 6], ["1,5", 3, 5]],
        390,
        0.45,
        10,
        600,
    ),
    (
        "PPR",
        [("Сантехника", "Plumbing"), ("Трубы", "Pipes")],
        ("Труба PPR PN{0} {1} мм, 2 м", "PPR pipe PN{0} {1} mm, 2 m"),
        [[10, 20, 25], [20, 25, 32, 40, 50, 63]],
        120,
        0.4,
        10,
        500,
    ),
    (
        "FIT",
        [("Сантехника", "Plumbing"), ("Фитинги", "Fittings")],
        ("{0} PPR {1} мм", "PPR {0} {1} mm"),
        [["Муфта", "Угол 90°", "Тройник", "Заглушка"], [20, 25, 32, 40, 50]],
        25,
        0.03,
        100,
        6000,
    ),
    (
        "DSH",
        [("Бытовая химия", "Household chemicals"), ("Моющие средства", "Detergents")],
        (
            "Средство для мытья посуды «Чистодом» {0} л, {1}",
            "Dishwashing liquid Chistodom {0} l, {1}",
        ),
        [["0,5", 1, 5], ["лимон", "яблоко", "алоэ", "без запаха"]],
        70,
        0.6,
        12,
        720,
    ),
    (
        "PWD",
        [
            ("Бытовая химия", "Household chemicals"),
            ("Стиральные порошки", "Washing powders"),
        ],
        (
            "Порошок стиральный «Белоснег» {0} кг, {1}",
            "Washing powder Belosneg {0} kg, {1}",
        ),
        [["0,4", 3, 6, 9, 15], ["автомат", "ручная стирка", "колор"]],
        150,
        3.0,
        6,
        240,
    ),
    (
        "BOX",
        [("Упаковка", "Packaging"), ("Коробки", "Boxes")],
        ("Коробка из гофрокартона {0}×{1}×{2} мм", "Corrugated box {0}×{1}×{2} mm"),
        [[300, 400, 600], [200, 300], [150, 200, 300]],
        32,
        0.35,
        25,
        1000,
    ),
    (
        "FLM",
        [("Упаковка", "Packaging"), ("Плёнка и скотч", "Film and tape")],
        (
            "Стрейч-плёнка {0} мкм × 500 мм, {1} м",
            "Stretch film {0} µm × 500 mm, {1} m",
        ),
        [[17, 20, 23], [150, 200, 300]],
        310,
        2.2,
        6,
        300,
    ),
    (
        "TAP",
        [("Упаковка", "Packaging"), ("Плёнка и скотч", "Film and tape")],
        ("Скотч упаковочный {0} мм × {1} м, {2}", "Packing tape {0} mm × {1} m, {2}"),
        [[48, 50], [66, 100], ["прозрачный", "коричневый"]],
        55,
        0.2,
        36,
        2160,
    ),
]

# English words for the Russian variant values used in the templates
_EN_WORDS = {
    "одинарная": "single",
    "двойная": "double",
    "с заземлением": "earthed",
    "IP44 с крышкой": "IP44 with lid",
    "белая": "white",
    "бежевая": "beige",
    "антрацит": "anthracite",
    "алюминий": "aluminium",
    "Муфта": "coupling",
    "Угол 90°": "elbow 90°",
    "Тройник": "tee",
    "Заглушка": "end cap",
    "лимон": "lemon",
    "яблоко": "apple",
    "алоэ": "aloe",
    "без запаха": "unscented",
    "автомат": "automatic",
    "ручная стирка": "hand wash",
    "колор": "colour",
    "прозрачный": "clear",
    "коричневый": "brown",
}


# the catalog's filters: (key, English name, Russian name)
ATTRIBUTES = [
    ("diameter", "Diameter", "Диаметр"),
    ("length", "Length", "Длина"),
    ("material", "Material", "Материал"),
    ("coating", "Coating", "Покрытие"),
]


def _mm(value):
    return f"{_en(value)} mm", f"{value} мм"


# attribute values of a family's items, from their variant values:
# [(attribute key, English value, Russian value)]
SPECS = {
    "SCR": lambda v: [
        ("diameter", *_mm(v[0])),
        ("length", *_mm(v[1])),
        ("material", "Steel", "Сталь"),
        ("coating", "Black phosphate", "Фосфат"),
    ],
    "ANC": lambda v: [
        ("diameter", *_mm(v[0])),
        ("length", *_mm(v[1])),
        ("material", "Nylon", "Нейлон"),
    ],
    "BLT": lambda v: [
        ("diameter", f"M{v[0]}", f"M{v[0]}"),
        ("length", *_mm(v[1])),
        ("material", "Steel 8.8", "Сталь 8.8"),
        ("coating", "Zinc", "Цинк"),
    ],
}


def spec_order(value_en):
    """Sort key of an attribute value: its number first (M8 before M10)."""
    digits = "".join(c for c in value_en.split(" ")[0] if c.isdigit() or c == ".")
    try:
        return (0, float(digits), value_en)
    except ValueError:
        return (1, 0.0, value_en)


def ean13(code12):
    """Complete 12 digits with the EAN-13 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(code12))
    return code12 + str((10 - total % 10) % 10)


def _en(value):
    if isinstance(value, str):
        return _EN_WORDS.get(value, value.replace(",", "."))
    return value


def catalog(seed=19):
    """The list of product dicts of the demo catalog."""
    rng = random.Random(seed)
    products = []
    for family_no, family in enumerate(FAMILIES, start=1):
        prefix, path, (name_ru, name_en), axes, price, weight, box, pallet = family
        for item_no, values in enumerate(itertools.product(*axes), start=1):
            size = 1 + item_no / 10
            list_price = round(price * size * rng.uniform(0.9, 1.1), 2)
            roll = rng.random()
            products.append(
                {
                    "sku": f"{prefix}-{family_no:02d}{item_no:03d}",
                    "barcode": ean13(f"4607{family_no:03d}{item_no:05d}"),
                    "name_ru": name_ru.format(*values),
                    "name_en": name_en.format(*(_en(v) for v in values)),
                    "category": path,
                    "specs": SPECS[prefix](values) if prefix in SPECS else [],
                    "list_price": list_price,
                    "cost": round(list_price * rng.uniform(0.55, 0.7), 2),
                    "rrp": round(list_price * 1.45, -1),
                    "weight": round(weight * size, 3),
                    "box": box,
                    "pallet": pallet,
                    # 10% out of stock, the rest between one box and a few pallets
                    "on_hand": 0
                    if roll < 0.10
                    else rng.randint(1, 3 * pallet // box) * box,
                    # out of stock items and 10% of the others are expected soon
                    "incoming": (
                        (rng.randint(2, 30), rng.randint(1, 4) * pallet)
                        if roll < 0.10 or roll > 0.90
                        else None
                    ),
                }
            )
    return products
