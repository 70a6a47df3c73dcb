import datetime

from odoo import Command, api, fields, models

from ..tools import ru_ids
from .res_company import SIGNUP_COMPANY_PARAM

MODULE = "b2b_portal"


def _inn(body):
    return ru_ids.inn_check_digits(body)


def _ogrn(body):
    return body + str(ru_ids.ogrn_check_digit(body))


# Customers: (xml id, name, INN body, KPP, OGRN body, city, street, zip, groups)
CUSTOMERS = [
    (
        "entity_stroydvor",
        "ООО «СтройДвор»",
        "770512345",
        "770501001",
        "117774612345",
        "Москва",
        "ул. Бахрушина, д. 17, стр. 2",
        "115054",
        ["group_wholesale"],
    ),
    (
        "entity_tekhnosnab",
        "АО «ТехноСнаб»",
        "781023456",
        "781001001",
        "107784723456",
        "Санкт-Петербург",
        "Лиговский пр., д. 50, лит. М",
        "191040",
        ["group_large_wholesale"],
    ),
    (
        "entity_uralkomplekt",
        "ООО «УралКомплект»",
        "667034567",
        "667001001",
        "119665834567",
        "Екатеринбург",
        "ул. Малышева, д. 51, оф. 1204",
        "620014",
        ["group_dealer"],
    ),
]
GROUPS = [
    ("group_wholesale", "Wholesale", "Опт"),
    ("group_large_wholesale", "Large wholesale", "Крупный опт"),
    ("group_dealer", "Dealers", "Дилеры"),
]


class B2bDemo(models.AbstractModel):
    _name = "b2b.demo"
    _description = "B2B demo data generator"

    @api.model
    def _load_demo(self):
        """Create the demo supplier, its catalog, stock and customers.

        Idempotent: does nothing when the demo company exists already.
        """
        if self.env.ref(f"{MODULE}.supplier_company_demo", raise_if_not_found=False):
            return
        self.env["res.lang"]._activate_lang("ru_RU")
        company = self._demo_company()
        products = self._demo_products(company)
        self._demo_stock(company, products)
        groups = self._demo_customer_groups()
        self._demo_onboarding(company, groups["group_wholesale"])
        salesperson = self._demo_salesperson(company)
        entities = self._demo_customers(company, groups, salesperson)
        buyer = self._demo_buyer(company, entities)
        self._demo_pending_entity(salesperson)
        self._demo_news(company, groups)
        self._demo_hide_other_products()
        self._demo_orders(buyer, entities[0], products)

    # -- helpers ---------------------------------------------------------------
    def _demo_load(self, model, rows):
        """Create records with XML ids ``b2b_portal.<key>_demo`` in one batch."""
        return (
            self.env[model]
            .with_context(no_reset_password=True)
            ._load_records(
                [
                    {
                        "xml_id": f"{MODULE}.{key}_demo",
                        "values": values,
                        "noupdate": True,
                    }
                    for key, values in rows
                ]
            )
        )

    def _demo_translate(self, records, field, values):
        for record, value in zip(records, values, strict=True):
            record.update_field_translations(field, {"ru_RU": value})

    # -- supplier --------------------------------------------------------------
    def _demo_company(self):
        rub = self.env.ref("base.RUB")
        rub.active = True
        company = self._demo_load(
            "res.company",
            [
                (
                    "supplier_company",
                    {
                        "name": "ООО «ОптТорг»",
                        "currency_id": rub.id,
                        "country_id": self.env.ref("base.ru").id,
                        "city": "Москва",
                        "street": "Дмитровское ш., д. 71Б",
                        "zip": "127238",
                        "vat": _inn("771301234"),
                        "company_registry": _ogrn("102770012345"),
                        "email": "sales@opttorg.example",
                        "phone": "+7 495 123-45-67",
                    },
                )
            ],
        )
        company.partner_id.b2b_kpp = "771301001"
        self.env["account.chart.template"].try_loading("generic_coa", company)
        company.currency_id = rub  # the generic chart sets its own currency
        self.env.ref("base.user_admin").company_ids = [Command.link(company.id)]
        self._demo_load(
            "product.pricelist",
            [
                (
                    "pricelist_rub",
                    {
                        "name": "Базовый прайс-лист (RUB)",
                        "currency_id": rub.id,
                        "company_id": company.id,
                    },
                )
            ],
        )
        return company

    # -- customers -------------------------------------------------------------
    def _demo_customer_groups(self):
        groups = self._demo_load(
            "res.partner.category", [(key, {"name": en}) for key, en, _ru in GROUPS]
        )
        self._demo_translate(groups, "name", [ru for _key, _en, ru in GROUPS])
        return dict(zip([key for key, _en, _ru in GROUPS], groups, strict=True))

    def _demo_onboarding(self, company, group):
        """Visitors who sign up belong to the supplier; approved entities get
        the wholesale group and a contract at 30 days."""
        self.env["ir.config_parameter"].sudo().set_param(
            SIGNUP_COMPANY_PARAM, str(company.id)
        )
        term = self.env.ref("account.account_payment_term_30days", False)
        company.write(
            {
                "b2b_default_category_id": group.id,
                "b2b_contract_payment_term_id": term.id if term else False,
                "b2b_contract_delivery_terms": "Доставка транспортом поставщика "
                "до склада покупателя.",
            }
        )

    def _demo_salesperson(self, company):
        return self._demo_load(
            "res.users",
            [
                (
                    "user_manager",
                    {
                        "name": "Игорь Смирнов",
                        "login": "b2b_manager",
                        "password": "b2b_manager",
                        "email": "i.smirnov@opttorg.example",
                        "lang": "ru_RU",
                        "tz": "Europe/Moscow",
                        "company_id": company.id,
                        "company_ids": [Command.set(company.ids)],
                        "group_ids": [
                            Command.link(
                                self.env.ref(f"{MODULE}.group_b2b_manager").id
                            ),
                            Command.link(
                                self.env.ref("sales_team.group_sale_manager").id
                            ),
                            Command.link(self.env.ref("stock.group_stock_user").id),
                        ],
                    },
                )
            ],
        )

    def _demo_customers(self, company, groups, salesperson):
        ru = self.env.ref("base.ru")
        bank = self._demo_load(
            "res.bank",
            [
                (
                    "bank_sber",
                    {"name": "ПАО Сбербанк", "bic": "044525225", "country": ru.id},
                )
            ],
        )
        entities = self._demo_load(
            "res.partner",
            [
                (
                    key,
                    {
                        "name": name,
                        "is_company": True,
                        "company_type": "company",
                        "country_id": ru.id,
                        "city": city,
                        "street": street,
                        "zip": zip_code,
                        "vat": _inn(inn),
                        "b2b_kpp": kpp,
                        "company_registry": _ogrn(ogrn),
                        # verified customers, who can order at once
                        "b2b_state": "approved",
                        "category_id": [
                            Command.set([groups[g].id for g in group_keys])
                        ],
                        "user_id": salesperson.id,
                        "lang": "ru_RU",
                        "bank_ids": [
                            Command.create(
                                {
                                    "acc_number": f"407028109380000{n:05d}",
                                    "bank_id": bank.id,
                                }
                            )
                        ],
                    },
                )
                for n, (
                    key,
                    name,
                    inn,
                    kpp,
                    ogrn,
                    city,
                    street,
                    zip_code,
                    group_keys,
                ) in enumerate(CUSTOMERS, 1)
            ],
        )
        self._demo_contracts(company, entities)
        return entities

    def _demo_contracts(self, company, entities):
        today = fields.Date.context_today(self)
        term = self.env.ref(
            "account.account_payment_term_30days", raise_if_not_found=False
        )
        pricelist = self.env.ref(f"{MODULE}.pricelist_rub_demo")
        rows = []
        for n, entity in enumerate(entities, 1):
            rows.append(
                (
                    f"contract_{n}",
                    {
                        "name": f"Д-{n:02d}/{today.year}",
                        "date": today.replace(month=1, day=15),
                        "entity_id": entity.id,
                        "company_id": company.id,
                        "currency_id": company.currency_id.id,
                        "pricelist_id": pricelist.id,
                        "date_start": today.replace(month=1, day=15),
                        "date_end": today.replace(month=12, day=31),
                        "payment_term_id": term.id if term else False,
                        "delivery_terms": "Доставка транспортом поставщика до склада "
                        "покупателя.",
                        "credit_limit": 1_500_000 * n,
                        "state": "active",
                        "is_default": True,
                    },
                )
            )
        # a second, expired contract, to show that only active ones order
        rows.append(
            (
                "contract_1_old",
                {
                    "name": f"Д-01/{today.year - 1}",
                    "date": today.replace(year=today.year - 1, month=1, day=10),
                    "entity_id": entities[0].id,
                    "company_id": company.id,
                    "currency_id": company.currency_id.id,
                    "date_start": today.replace(year=today.year - 1, month=1, day=10),
                    "date_end": today.replace(year=today.year - 1, month=12, day=31),
                    "state": "expired",
                },
            )
        )
        self._demo_load("b2b.contract", rows)

    def _demo_buyer(self, company, entities):
        first, second = entities[0], entities[1]
        contact = self._demo_load(
            "res.partner",
            [
                (
                    "buyer_contact",
                    {
                        "name": "Мария Петрова",
                        "parent_id": first.id,
                        "type": "contact",
                        "function": "Менеджер по закупкам",
                        "email": "m.petrova@stroydvor.example",
                        "phone": "+7 495 765-43-21",
                        "lang": "ru_RU",
                    },
                )
            ],
        )
        buyer = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            ._load_records(
                [
                    {
                        "xml_id": f"{MODULE}.user_buyer_demo",
                        "noupdate": True,
                        "values": {
                            "partner_id": contact.id,
                            "login": "b2b_buyer",
                            "password": "b2b_buyer",
                            "company_id": company.id,
                            "company_ids": [Command.set(company.ids)],
                            "group_ids": [
                                Command.set([self.env.ref("base.group_portal").id])
                            ],
                        },
                    }
                ]
            )
        )
        buyer.b2b_active_entity_id = first
        self._demo_load(
            "b2b.membership",
            [
                (
                    "membership_buyer_1",
                    {"user_id": buyer.id, "entity_id": first.id, "role": "owner"},
                ),
                (
                    "membership_buyer_2",
                    {"user_id": buyer.id, "entity_id": second.id, "role": "buyer"},
                ),
            ],
        )
        return buyer

    # -- activity ------------------------------------------------------------------
    def _demo_pending_entity(self, salesperson):
        """A newly registered entity waiting in the verification queue."""
        entity = self._demo_load(
            "res.partner",
            [
                (
                    "entity_novastroy",
                    {
                        "name": "ООО «НоваСтрой»",
                        "is_company": True,
                        "country_id": self.env.ref("base.ru").id,
                        "city": "Казань",
                        "street": "ул. Баумана, д. 9",
                        "zip": "420111",
                        "vat": _inn("165512345"),
                        "b2b_kpp": "165501001",
                        "company_registry": _ogrn("102160012345"),
                        "b2b_tax_system": "usn_income",
                        "b2b_state": "draft",
                        "user_id": salesperson.id,
                    },
                )
            ],
        )
        # the module's translations load after its demo data: the activity
        # copies the type's summary, so the type reads Russian first
        activity_type = self.env.ref("b2b_portal.mail_activity_b2b_verify")
        self._demo_translate(activity_type, "name", ["Проверить юридическое лицо"])
        self._demo_translate(
            activity_type,
            "summary",
            ["Проверить реквизиты и подтвердить или отклонить"],
        )
        entity.action_b2b_submit()

    def _demo_hide_other_products(self):
        """Odoo's own sample records are not this supplier's: its products
        (desks, chairs, services…) and contact tags (Vendor, Prospects…) are
        archived, so that the catalog, the quick order, the assortment rules
        and the customer groups hold the supplier's records only."""
        root = self.env.ref(f"{MODULE}.categ_root_demo")
        ours = self.env["product.category"].search([("id", "child_of", root.id)])
        self.env["product.template"].search(
            ["|", ("categ_id", "=", False), ("categ_id", "not in", ours.ids)]
        ).action_archive()
        tags = self.env["ir.model.data"].search_fetch(
            [("model", "=", "res.partner.category")], ["module", "res_id"]
        )
        self.env["res.partner.category"].browse(
            [tag.res_id for tag in tags if not tag.module.startswith("b2b_")]
        ).exists().action_archive()

    def _demo_news(self, company, groups):
        now = fields.Datetime.now()
        news = self._demo_load(
            "b2b.news",
            [
                (
                    "news_prices",
                    {
                        "company_id": company.id,
                        "name": "New price list from the 1st of next month",
                        "body": "<p>Prices of fasteners change by 3–5%. Orders "
                        "placed before the 1st keep today's prices.</p>",
                        "date": now - datetime.timedelta(days=2),
                    },
                ),
                (
                    "news_large",
                    {
                        "company_id": company.id,
                        "name": "Free delivery for large wholesale",
                        "body": "<p>Orders over 300,000 ₽ are delivered free "
                        "within the Moscow ring road.</p>",
                        "date": now - datetime.timedelta(days=5),
                        "category_ids": [
                            Command.set(groups["group_large_wholesale"].ids)
                        ],
                    },
                ),
                (
                    "news_dealers",
                    {
                        "company_id": company.id,
                        "name": "Dealers: new LED lamps in stock",
                        "body": "<p>The new LED range is open to dealers first.</p>",
                        "date": now - datetime.timedelta(days=1),
                        "category_ids": [Command.set(groups["group_dealer"].ids)],
                    },
                ),
            ],
        )
        self._demo_translate(
            news,
            "name",
            [
                "Новый прайс-лист с 1-го числа следующего месяца",
                "Бесплатная доставка для крупного опта",
                "Дилерам: новые светодиодные лампы на складе",
            ],
        )

    def _demo_orders(self, buyer, entity, products):
        """Two past orders and a cart, so that the buyer's portal is not empty."""
        contract = entity._b2b_default_contract()
        skus = list(products)
        Order = self.env["sale.order"].with_company(contract.company_id)
        orders = Order.create(
            [
                {
                    "partner_id": entity.id,
                    "b2b_contract_id": contract.id,
                    "pricelist_id": entity._b2b_pricelist(contract).id,
                    "company_id": contract.company_id.id,
                    "user_id": entity.user_id.id,
                    "order_line": [
                        Command.create(
                            {"product_id": products[sku].id, "product_uom_qty": qty}
                        )
                        for sku, qty in lines
                    ],
                }
                for lines in (
                    [(skus[0], 40), (skus[20], 200), (skus[45], 10)],
                    [(skus[3], 60), (skus[150], 24)],
                )
            ]
        )
        orders[0].action_confirm()
        orders[1].action_quotation_sent()
        cart = buyer._b2b_current_cart(entity, create=True)
        cart._b2b_add_products({products[skus[n]]: 12 for n in (1, 2, 60)})
