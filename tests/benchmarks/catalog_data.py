"""A large generated catalog for ``bench_catalog.py``, made in batched SQL.

The ORM makes one prototype of each kind of row (a product with an
attribute, its variant, a quant, an incoming move); every other row is a
copy of its prototype made by one ``INSERT … SELECT … FROM generate_series``
per table, with the columns that differ (name, SKU, price, category…)
computed from the row number ``n``. Ids are reserved on each table's
sequence first, so that row ``n`` of every table is known without reading
anything back. 200,000 products take a few minutes instead of hours.

What the catalog holds, for row ``n`` (0-based):

- name ``"{item} {word} M{4 + n % 20}×{10 + n % 90} партия {n}"`` (one in
  five has "нержавеющий"), SKU ``BN-{n:06d}``, barcode, sales price
  ``10 + n % 500``, RRP, category ``n % 20`` (also as website category);
- a third (``n % 3 == 0``): the attribute "Покрытие", value ``(n // 3) % 4``;
- 30 % in stock (``n % 10 < 3``), 10 % with an incoming receipt
  (``n % 10 == 5``).
"""

from odoo import Command
from odoo.tools import SQL

WORDS = ["оцинкованный", "нержавеющий", "усиленный", "облегчённый", "морозостойкий"]
ITEMS = ["Болт", "Гайка", "Шайба", "Саморез", "Дюбель", "Анкер", "Шуруп", "Винт"]
CATEGORIES = 20
COATINGS = ["без покрытия", "цинк", "никель", "хром"]


def columns(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return [name for (name,) in cr.fetchall()]


def reserve_ids(cr, table, count):
    """The first of ``count`` ids taken on ``table``'s sequence."""
    cr.execute(
        SQL(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
            "nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
            table,
            table,
            count,
        )
    )
    return cr.fetchone()[0] - count + 1


def clone(cr, table, proto_id, series, overrides, count=None):
    """Copy row ``proto_id`` of ``table`` once per ``n`` of ``series`` (an
    SQL expression of a set of integers); ``overrides`` {column: SQL
    expression of ``n``}; ``id`` is ``first + rank`` of ids reserved here.

    :return: the first id (row of rank ``k`` has id ``first + k``)
    """
    first = reserve_ids(cr, table, count)
    names = columns(cr, table)
    values = {"id": SQL("%s + (row_number() OVER (ORDER BY n)) - 1", first)}
    values.update(overrides)
    select = SQL(", ").join(
        values.get(name, SQL.identifier("p", name)) for name in names
    )
    cr.execute(
        SQL(
            "INSERT INTO %s (%s) SELECT %s FROM %s p, %s AS s(n) WHERE p.id = %s",
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(name) for name in names),
            select,
            SQL.identifier(table),
            series,
            proto_id,
        )
    )
    return first


def series(count, where=None):
    """The row numbers ``0 … count - 1`` for which ``where`` (SQL of ``n``)
    holds, as a subquery ``(SELECT n …)``, and how many there are."""
    cond = SQL("WHERE %s", where) if where else SQL()
    return SQL("(SELECT n FROM generate_series(0, %s) AS g(n) %s)", count - 1, cond)


def count_of(cr, sub):
    cr.execute(SQL("SELECT count(*) FROM %s AS c(n)", sub))
    return cr.fetchone()[0]


def build(env, count):  # noqa: PLR0915 - one linear recipe, step by step
    """Fill ``env``'s database with ``count`` generated products (see the
    module doc); commits at the end."""
    cr = env.cr
    categories = env["product.category"].create(
        [{"name": f"Раздел {n:02d}"} for n in range(CATEGORIES)]
    )
    public = env["product.public.category"].create(
        [{"name": f"Раздел {n:02d}"} for n in range(CATEGORIES)]
    )
    coating = env["product.attribute"].create(
        {
            "name": "Покрытие",
            "create_variant": "always",
            "value_ids": [Command.create({"name": name}) for name in COATINGS],
        }
    )
    values = coating.value_ids
    proto = env["product.template"].create(
        {
            "name": "Прототип",
            "default_code": "BN-PROTO",
            "list_price": 10,
            "categ_id": categories[0].id,
            "public_categ_ids": [Command.set(public[:1].ids)],
            "type": "consu",
            "is_storable": True,
            "sale_ok": True,
            "is_published": True,
            "attribute_line_ids": [
                Command.create(
                    {
                        "attribute_id": coating.id,
                        "value_ids": [Command.set(values[:1].ids)],
                    }
                )
            ],
        }
    )
    variant = proto.product_variant_id
    line = proto.attribute_line_ids
    ptav = line.product_template_value_ids
    warehouse = env["stock.warehouse"].search(
        [("company_id", "=", env.company.id)], limit=1
    )
    stock = warehouse.lot_stock_id
    quant = env["stock.quant"].create(
        {"product_id": variant.id, "location_id": stock.id, "quantity": 1}
    )
    picking = env["stock.picking"].create(
        {
            "picking_type_id": warehouse.in_type_id.id,
            "move_ids": [
                Command.create(
                    {
                        "product_id": variant.id,
                        "product_uom_qty": 100,
                        "location_id": warehouse.in_type_id.default_location_src_id.id,
                        "location_dest_id": stock.id,
                    }
                )
            ],
        }
    )
    picking.action_confirm()
    move = picking.move_ids
    env.flush_all()

    every = series(count)
    cat_ids = SQL("(%s::int[])[1 + n %% %s]", categories.ids, CATEGORIES)
    name = SQL(
        "(%s::text[])[1 + n %% %s] || ' ' || (%s::text[])[1 + n %% %s] || ' M' "
        "|| (4 + n %% 20) || '×' || (10 + n %% 90) || ' партия ' || n",
        ITEMS,
        len(ITEMS),
        WORDS,
        len(WORDS),
    )
    code = SQL("'BN-' || lpad(n::text, 6, '0')")
    tmpl = clone(
        cr,
        "product_template",
        proto.id,
        every,
        {
            "name": SQL("jsonb_build_object('en_US', %s, 'ru_RU', %s)", name, name),
            "default_code": code,
            "list_price": SQL("10 + n %% 500"),
            "b2b_rrp": SQL("20 + n %% 700"),
            "categ_id": cat_ids,
        },
        count,
    )
    prod = clone(
        cr,
        "product_product",
        variant.id,
        every,
        {
            "product_tmpl_id": SQL("%s + n", tmpl),
            "default_code": code,
            "barcode": SQL("'2' || lpad(n::text, 11, '0')"),
            "combination_indices": SQL("''"),
        },
        count,
    )
    cr.execute(
        SQL(
            "INSERT INTO product_public_category_product_template_rel "
            "(product_template_id, product_public_category_id) "
            "SELECT %s + n, (%s::int[])[1 + n %% %s] FROM %s AS s(n)",
            tmpl,
            public.ids,
            CATEGORIES,
            every,
        )
    )

    # a third with the attribute: a line, its value, the variant's combination
    third = series(count, SQL("n %% 3 = 0"))
    thirds = count_of(cr, third)
    line_first = clone(
        cr,
        "product_template_attribute_line",
        line.id,
        third,
        {"product_tmpl_id": SQL("%s + n", tmpl)},
        thirds,
    )
    value_ids = SQL("(%s::int[])[1 + (n / 3) %% %s]", values.ids, len(values))
    cr.execute(
        SQL(
            "INSERT INTO product_attribute_value_product_template_attribute_line_rel "
            "(product_template_attribute_line_id, product_attribute_value_id) "
            "SELECT %s + n / 3, %s FROM %s AS s(n)",
            line_first,
            value_ids,
            third,
        )
    )
    ptav_first = clone(
        cr,
        "product_template_attribute_value",
        ptav.id,
        third,
        {
            "product_tmpl_id": SQL("%s + n", tmpl),
            "attribute_line_id": SQL("%s + n / 3", line_first),
            "product_attribute_value_id": value_ids,
        },
        thirds,
    )
    cr.execute(
        SQL(
            "INSERT INTO product_variant_combination "
            "(product_product_id, product_template_attribute_value_id) "
            "SELECT %s + n, %s + n / 3 FROM %s AS s(n)",
            prod,
            ptav_first,
            third,
        )
    )
    cr.execute(
        SQL(
            "UPDATE product_product"
            " SET combination_indices = (%s + (id - %s) / 3)::text"
            " WHERE id >= %s AND (id - %s) %% 3 = 0",
            ptav_first,
            prod,
            prod,
            prod,
        )
    )

    # 30 % in stock, 10 % with incoming supply
    in_stock = series(count, SQL("n %% 10 < 3"))
    clone(
        cr,
        "stock_quant",
        quant.id,
        in_stock,
        {
            "product_id": SQL("%s + n", prod),
            "quantity": SQL("10 + n %% 90"),
            "reserved_quantity": SQL("0"),
        },
        count_of(cr, in_stock),
    )
    incoming = series(count, SQL("n %% 10 = 5"))
    clone(
        cr,
        "stock_move",
        move.id,
        incoming,
        {
            "product_id": SQL("%s + n", prod),
            "date": SQL("now() + (n %% 30) * interval '1 day'"),
        },
        count_of(cr, incoming),
    )
    # the prototype leaves the catalog (its SKU would break the prefixes)
    cr.execute(
        SQL(
            "UPDATE product_template SET active = false, sale_ok = false,"
            " is_published = false WHERE id = %s",
            proto.id,
        )
    )
    cr.execute(
        SQL("UPDATE product_product SET active = false WHERE id = %s", variant.id)
    )
    env.invalidate_all()
    cr.commit()
    cr.execute("ANALYZE")
    return categories, values
