"""Add the load test's buyers, entities and products to a demo database.

    ~/.cache/b2b-suite/venv/bin/python tests/load/generate.py -c CONF -d DB \
        [--buyers 50] [--products 3000]

Run by ``setup/load`` on its template database, after the demo: each buyer
``load_buyer_NN`` (password the same) owns one approved legal entity of its
own, with an active default contract and the first demo customer's groups
and salesperson; the products ``LD-00001``… are plain goods (no stock kept)
in the demo catalog, so that a paste of up to 1,000 distinct SKUs resolves
in full. Where ``b2b_api`` is installed, each buyer gets an API key, written
to ``load_api_keys.json`` in the filestore's folder of the database (the
driver reads it: the API task is on only then).
"""

import argparse
import datetime
import json
import random
import sys
from pathlib import Path

import odoo
from odoo import Command, fields
from odoo.modules.registry import Registry

SKU = "LD-{:05d}"
LOGIN = "load_buyer_{:02d}"


def _products(env, company, count):
    root = env.ref("b2b_portal.categ_root_demo")
    category = env["product.category"].create(
        {"name": "Нагрузка", "parent_id": root.id}
    )
    rng = random.Random(17)
    unit = env.ref("uom.product_uom_unit")
    env["product.template"].create(
        [
            {
                "name": f"Load item {n:05d}",
                "default_code": SKU.format(n),
                "categ_id": category.id,
                "type": "consu",
                "is_storable": False,
                "company_id": company.id,
                "uom_id": unit.id,
                "list_price": rng.randint(20, 5000),
                "sale_ok": True,
                "invoice_policy": "order",
            }
            for n in range(1, count + 1)
        ]
    )


def _buyers(env, company, count):
    # importable once the configuration has set the addons path
    from odoo.addons.b2b_portal.tools import ru_ids  # noqa: PLC0415

    model = env.ref("b2b_portal.entity_stroydvor_demo")
    contract = env.ref("b2b_portal.contract_1_demo")
    today = fields.Date.context_today(env.user)
    entities = env["res.partner"].create(
        [
            {
                "name": f"ООО «Нагрузка-{n:02d}»",
                "is_company": True,
                "company_type": "company",
                "country_id": model.country_id.id,
                "city": model.city,
                "street": f"ул. Тестовая, д. {n}",
                "zip": model.zip,
                "vat": ru_ids.inn_check_digits(f"99{n:07d}"),
                "b2b_state": "approved",
                "category_id": [Command.set(model.category_id.ids)],
                "user_id": model.user_id.id,
                "lang": "ru_RU",
            }
            for n in range(1, count + 1)
        ]
    )
    env["b2b.contract"].create(
        [
            {
                "name": f"Н-{n:02d}/{today.year}",
                "date": today.replace(month=1, day=1),
                "entity_id": entity.id,
                "company_id": company.id,
                "currency_id": company.currency_id.id,
                "pricelist_id": contract.pricelist_id.id,
                "date_start": today.replace(month=1, day=1),
                "date_end": today.replace(month=12, day=31),
                "payment_term_id": contract.payment_term_id.id,
                "state": "active",
                "is_default": True,
            }
            for n, entity in enumerate(entities, 1)
        ]
    )
    portal = env.ref("base.group_portal")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Покупатель {n:02d}",
                    "login": LOGIN.format(n),
                    "password": LOGIN.format(n),
                    "email": f"{LOGIN.format(n)}@load.example",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "group_ids": [Command.set(portal.ids)],
                    "lang": "ru_RU",
                }
                for n in range(1, count + 1)
            ]
        )
    )
    env["b2b.membership"].create(
        [
            {"user_id": user.id, "entity_id": entity.id, "role": "owner"}
            for user, entity in zip(users, entities, strict=True)
        ]
    )
    for user, entity in zip(users, entities, strict=True):
        user.b2b_active_entity_id = entity
    return users


def _api_keys(env, users):
    """An API key per buyer where b2b_api is installed, made as the owner
    makes one on /my/b2b/api (read access, for the buyer's entity): login →
    {"key", "entity"} (the entity's INN, for ``X-B2B-Entity``); else
    nothing."""
    if "b2b.api.key" not in env:
        return {}
    expiry = fields.Datetime.now() + datetime.timedelta(days=30)
    keys = {}
    for user in users:
        entity = user.b2b_active_entity_id
        _key, secret = env["b2b.api.key"]._b2b_create(
            user, entity, "load test", "read", expiry
        )
        keys[user.login] = {"key": secret, "entity": entity.vat or str(entity.id)}
    return keys


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", dest="conf", required=True)
    parser.add_argument("-d", dest="db", required=True)
    parser.add_argument("--buyers", type=int, default=50)
    parser.add_argument("--products", type=int, default=3000)
    args = parser.parse_args(argv)
    odoo.tools.config.parse_config(["-c", args.conf, "-d", args.db])
    registry = Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        company = env.ref("b2b_portal.supplier_company_demo")
        env = env(context=dict(env.context, allowed_company_ids=company.ids))
        if env["res.users"].search_count([("login", "=", LOGIN.format(1))]):
            print("load data already there")
            return 0
        _products(env, company, args.products)
        users = _buyers(env, company, args.buyers)
        if "b2b_founding_required" in company._fields:
            # the generated entities have no founding documents to accept
            company.b2b_founding_required = False
        # a posted invoice per checkout, as the supplier's default
        keys = _api_keys(env, users)
        env.flush_all()
        cr.commit()
    store = Path(odoo.tools.config.filestore(args.db))
    store.mkdir(parents=True, exist_ok=True)
    (store / "load_api_keys.json").write_text(json.dumps(keys))
    print(
        f"generated {args.buyers} buyers and entities, {args.products} products"
        f", {len(keys)} API keys"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
