from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_normalize, plaintext2html

from ..tools import entity_form, language, ru_ids

MAX_MESSAGE_LENGTH = 5000
# partners that do not hold their INN + KPP: not B2B entities, and rejected
# registrations (a corrected one may follow)
UNCOUNTED_STATES = (False, "rejected")


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_kpp = fields.Char(
        string="KPP",
        size=9,
        help="Tax registration reason code (КПП) of a Russian organisation.",
    )
    b2b_tax_system = fields.Selection(
        [
            ("osn", "General (OSN, with VAT)"),
            ("usn_income", "Simplified, on income (USN 6%)"),
            ("usn_profit", "Simplified, income minus expenses (USN 15%)"),
            ("patent", "Patent (PSN)"),
            ("eshn", "Agricultural tax (ESHN)"),
        ],
        string="Tax system",
    )
    b2b_state = fields.Selection(
        [
            ("draft", "Draft"),
            ("pending", "Pending verification"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        string="B2B verification",
        copy=False,
        index=True,
        tracking=True,
        help="Legal entities of B2B customers are verified by a B2B manager "
        "before their buyers may order.",
    )
    b2b_reject_reason = fields.Text(string="Rejection reason", copy=False)
    # memberships and contracts are B2B records: every internal user (and the
    # public) reads partners without them
    b2b_membership_ids = fields.One2many(
        "b2b.membership",
        "entity_id",
        string="Buyers",
        groups="base.group_portal,b2b_portal.group_b2b_user",
    )
    b2b_contract_ids = fields.One2many(
        "b2b.contract",
        "entity_id",
        string="Contracts",
        groups="base.group_portal,b2b_portal.group_b2b_user",
    )
    b2b_membership_count = fields.Integer(
        compute="_compute_b2b_membership_count", groups="b2b_portal.group_b2b_user"
    )

    @api.depends("b2b_membership_ids")
    def _compute_b2b_membership_count(self):
        counts = dict(
            self.env["b2b.membership"]._read_group(
                [("entity_id", "in", self.ids)], ["entity_id"], ["__count"]
            )
        )
        for partner in self:
            partner.b2b_membership_count = counts.get(partner, 0)

    @api.constrains("vat", "b2b_kpp", "active", "b2b_state")
    def _check_b2b_unique_inn_kpp(self):
        """One active B2B entity per INN + KPP (branches differ by KPP); a
        rejected registration does not block a corrected one."""
        entities = self.filtered(
            lambda p: p.b2b_state not in UNCOUNTED_STATES and p.active and p.vat
        )
        if not entities:
            return
        others = self.search(
            [
                ("b2b_state", "not in", UNCOUNTED_STATES),
                ("vat", "in", entities.mapped("vat")),
                ("id", "not in", entities.ids),
            ]
        )
        seen = {(p.vat, p.b2b_kpp or False): p for p in others}
        for entity in entities:
            twin = seen.get((entity.vat, entity.b2b_kpp or False))
            if twin:
                raise ValidationError(
                    self.env._(
                        "A legal entity with INN %(inn)s and KPP %(kpp)s is "
                        "already registered: %(entity)s.",
                        inn=entity.vat,
                        kpp=entity.b2b_kpp or "-",
                        entity=twin.display_name,
                    )
                )
            seen[(entity.vat, entity.b2b_kpp or False)] = entity

    def _b2b_default_contract(self, date=None):
        """The contract new orders of this entity use: the default one if
        valid, else the first valid one; empty if none can order."""
        self.ensure_one()
        valid = self.sudo().b2b_contract_ids.filtered(lambda c: c._b2b_is_valid(date))
        return (valid.filtered("is_default") or valid)[:1]

    def _b2b_order_blockers(self):
        """Why this entity cannot order now (empty: it can)."""
        self.ensure_one()
        entity = self.sudo()
        if entity.b2b_state != "approved":
            return [
                self.env._(
                    "%(entity)s is not verified yet: orders open once the "
                    "supplier approves it.",
                    entity=entity.display_name,
                )
            ]
        if not entity._b2b_default_contract():
            return [
                self.env._(
                    "%(entity)s has no active contract: ask your manager.",
                    entity=entity.display_name,
                )
            ]
        return []

    # -- messages between the buyers and their manager ------------------------
    def _b2b_manager_messages_domain(self):
        """Messages buyers and the supplier exchange on this entity's chatter:
        comments only, never internal notes or logged changes."""
        self.ensure_one()
        return [
            ("model", "=", "res.partner"),
            ("res_id", "=", self.id),
            ("message_type", "=", "comment"),
            ("subtype_id", "=", self.env.ref("mail.mt_comment").id),
            ("is_internal", "=", False),
        ]

    def _b2b_check_member(self):
        self.ensure_one()
        if not self.env.su and self not in self.env.user._b2b_entities():
            raise AccessError(self.env._("You are not a member of this legal entity."))

    def _b2b_manager_messages(self, limit=10):
        """The latest messages of the thread, newest first, for a member of
        this entity: buyers may not read mail.message of partners, the read
        is sudo and filtered after the membership check."""
        self._b2b_check_member()
        return (
            self.env["mail.message"]
            .sudo()
            .search(self._b2b_manager_messages_domain(), order="id desc", limit=limit)
        )

    def _b2b_post_to_manager(self, text):
        """Post ``text`` of the current user, a member of this entity, on the
        entity's chatter, to its salesperson."""
        self._b2b_check_member()
        text = (text or "").strip()
        if not text:
            raise UserError(self.env._("Write a message before sending it."))
        if len(text) > MAX_MESSAGE_LENGTH:
            raise UserError(
                self.env._(
                    "The message is too long: %(length)s characters, at most %(max)s.",
                    length=len(text),
                    max=MAX_MESSAGE_LENGTH,
                )
            )
        entity = self.sudo()
        manager = entity.user_id
        if not manager:
            raise UserError(
                self.env._(
                    "%(entity)s has no manager yet: the message cannot be sent.",
                    entity=entity.display_name,
                )
            )
        # buyers may not post on partners: narrow post after the caller's check
        return entity.message_post(
            body=plaintext2html(text),
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=manager.partner_id.ids,
        )

    # -- pricing seam (b2b_pricelist overrides it) ----------------------------
    def _b2b_pricelist(self, contract=None):
        self.ensure_one()
        if contract:
            return contract._b2b_pricelist()
        return self.sudo().property_product_pricelist

    def _b2b_prices(self, products, contract=None, quantity=1.0, date=None):
        """Unit prices of ``products`` for this entity under ``contract``, in
        one batched pricelist computation.

        :return: ({product id: price}, currency)
        """
        self.ensure_one()
        pricelist = self._b2b_pricelist(contract)
        if not pricelist:
            company = (contract and contract.company_id) or self.env.company
            return {p.id: p.lst_price for p in products}, company.currency_id
        prices = pricelist._get_products_price(
            products, quantity, date=date or fields.Date.context_today(self)
        )
        return prices, pricelist.currency_id

    def _b2b_price_lines(self, items, contract=None, date=None):
        """Price many order lines for this entity under ``contract`` at once.

        The pricing seam of carts and quick order: ``b2b_pricelist`` overrides
        it with price types, quantity breaks and order rules. This default
        asks Odoo's price list once for its applicable rules, then picks the
        rule of each line by its own quantity, as ``_compute_price_rule``
        does for one quantity.

        :param items: iterable of ``(product, quantity, uom or None)``
        :return: a list of dicts, one per item, in order: ``price_unit`` (per
            unit of the item), ``currency`` (record), ``rule`` (a
            ``product.pricelist.item``, maybe empty), ``next_qty`` and
            ``next_price`` (the next quantity break, False here),
            ``min_qty`` and ``multiple`` (order rules, 0 here),
            ``violation`` (False, "below_min" or "not_multiple") and
            ``suggested_qty`` (the nearest valid quantity, or False)
        """
        self.ensure_one()
        items = list(items)
        pricelist = self._b2b_pricelist(contract).sudo()
        company = (contract and contract.sudo().company_id) or self.env.company
        currency = pricelist.currency_id or company.currency_id
        date = date or fields.Date.context_today(self)
        # one environment and one prefetch set for all the products, so that
        # their fields are read once for all the lines
        products = (
            self.env["product.product"]
            .sudo()
            .with_company(company)
            .browse(dict.fromkeys(item[0].id for item in items))
        )
        # what the price rules read of each product, read for all at once
        products.product_tmpl_id.mapped("currency_id")
        products.mapped("currency_id")
        products.mapped("product_template_attribute_value_ids")
        Rule = self.env["product.pricelist.item"].sudo()
        rules = pricelist._get_applicable_rules(products, date) if pricelist else Rule
        result = []
        for item_product, qty, uom in items:
            product = products.browse(item_product.id).with_prefetch(
                products._prefetch_ids
            )
            uom = uom or product.uom_id
            qty_product_uom = (
                uom._compute_quantity(qty, product.uom_id, raise_if_failure=False)
                if uom != product.uom_id
                else qty
            )
            rule = next(
                (r for r in rules if r._is_applicable_for(product, qty_product_uom)),
                Rule,
            )
            price = rule._compute_price(product, qty, uom, date=date, currency=currency)
            result.append(
                {
                    "price_unit": price,
                    "currency": currency,
                    "rule": rule,
                    "next_qty": False,
                    "next_price": False,
                    "min_qty": 0.0,
                    "multiple": 0.0,
                    "violation": False,
                    "suggested_qty": False,
                }
            )
        return result

    def _b2b_address_line(self):
        """The address on one line, empty parts left out."""
        self.ensure_one()
        return language.one_line(self._display_address(without_company=True))

    def _b2b_is_russian(self):
        self.ensure_one()
        country = self.country_id or (
            not self.parent_id and self.env.company.country_id
        )
        return bool(country) and country.code == "RU"

    def _b2b_id_error(self, code):
        """Translated text of a ``tools.ru_ids`` error code."""
        return {
            # shown after the field's name ("KPP: must have..."): no name here
            "inn_format": self.env._(
                "must have 10 digits (organisation) or 12 digits (sole trader)"
            ),
            "inn_checksum": self.env._("the check digit is wrong"),
            "inn_company_length": self.env._("10 digits for an organisation"),
            "kpp_format": self.env._(
                "must have 9 characters: 4 digits, 2 digits or letters, 3 digits"
            ),
            "ogrn_format": self.env._("must have 13 digits (OGRNIP: 15)"),
            "ogrn_checksum": self.env._("the check digit is wrong"),
            "bic_format": self.env._("a BIC has 9 digits and starts with 04"),
            "account_format": self.env._("a bank account number has 20 digits"),
            "account_checksum": self.env._(
                "the account number does not match the BIC (wrong control key)"
            ),
            "postcode_format": self.env._("a postcode has 6 digits"),
        }[code]

    def _b2b_check_identifiers(self):
        """Errors of INN (``vat``), KPP and OGRN (``company_registry``)."""
        self.ensure_one()
        checks = [
            (self.env._("INN"), self.vat, ru_ids.check_inn),
            (self.env._("KPP"), self.b2b_kpp, ru_ids.check_kpp),
            (self.env._("OGRN"), self.company_registry, ru_ids.check_ogrn),
        ]
        return [
            f"{label} {value}: {self._b2b_id_error(code)}"
            for label, value, check in checks
            if value and (code := check(value))
        ]

    @api.constrains("vat", "b2b_kpp", "company_registry", "country_id")
    def _check_b2b_ru_identifiers(self):
        """Checked for Russian partners only: foreign ones keep Odoo's rules."""
        for partner in self:
            if not partner._b2b_is_russian():
                continue
            errors = partner._b2b_check_identifiers()
            if errors:
                raise ValidationError("\n".join([partner.display_name, *errors]))

    # -- portal forms: registration and change requests -----------------------
    def _b2b_form_labels(self):
        return {
            "name": self.env._("Name"),
            "inn": self.env._("INN"),
            "kpp": self.env._("KPP"),
            "ogrn": self.env._("OGRN"),
            "tax_system": self.env._("Tax system"),
            "street": self.env._("Street"),
            "city": self.env._("City"),
            "zip": self.env._("Postcode"),
            "phone": self.env._("Phone"),
            "email": self.env._("E-mail"),
            "bank_account": self.env._("Bank account"),
            "bank_bic": self.env._("BIC"),
            "bank_name": self.env._("Bank"),
            "delivery_street": self.env._("Delivery street"),
            "delivery_city": self.env._("Delivery city"),
            "delivery_zip": self.env._("Delivery postcode"),
        }

    def _b2b_form_error(self, code):
        """Translated text of a ``tools.entity_form`` error code (or of an
        identifier's, ``_b2b_id_error``)."""
        messages = {
            "required": self.env._("Required."),
            "too_long": self.env._(
                "At most %(n)s characters.", n=entity_form.MAX_LENGTH
            ),
            "kpp_required": self.env._(
                "An organisation has a KPP: enter its 9 characters."
            ),
            "kpp_sole_trader": self.env._("A sole trader has no KPP: leave it empty."),
            "ogrn_organisation": self.env._("An organisation's OGRN has 13 digits."),
            "ogrn_sole_trader": self.env._("A sole trader's OGRNIP has 15 digits."),
            "tax_system": self.env._("Choose a tax system from the list."),
            "email": self.env._("This is not an e-mail address."),
            "phone": self.env._("A phone number has digits, +, (, ) and -."),
            "delivery_required": self.env._("Required for a delivery address."),
            "bank_both": self.env._("Give both the account number and BIC."),
        }
        return messages.get(code) or self._b2b_id_error(code)

    @api.model
    def _b2b_clean_form(self, form, keys, required=()):
        """Typed values of ``keys`` from a portal form, stripped, and the
        message of each wrong one.

        :return: (values {key: str}, errors {key: message})
        """
        values, codes = entity_form.clean(
            form,
            keys,
            required=required,
            tax_systems=dict(self._fields["b2b_tax_system"].selection),
            normalize_email=email_normalize,
        )
        return values, {key: self._b2b_form_error(code) for key, code in codes.items()}

    @api.model
    def _b2b_registered_twin(self, inn, kpp):
        """The B2B entity already registered with this INN + KPP, if any.
        Searched as superuser (a buyer sees only their own entities); callers
        tell only that it exists, never which one it is."""
        return self.sudo().search(
            [
                ("b2b_state", "not in", UNCOUNTED_STATES),
                ("vat", "=", inn),
                ("b2b_kpp", "=", kpp or False),
            ],
            limit=1,
        )

    @api.model
    def _b2b_registration_check(self, form):
        """Values and per-field errors of the portal registration form."""
        values, errors = self._b2b_clean_form(
            form,
            entity_form.REGISTRATION_KEYS,
            required=entity_form.REGISTRATION_REQUIRED,
        )
        if (
            values["inn"]
            and not {"inn", "kpp"} & errors.keys()
            and self._b2b_registered_twin(values["inn"], values["kpp"])
        ):
            errors["inn"] = self.env._(
                "A legal entity with INN %(inn)s and KPP %(kpp)s is already "
                "registered. Ask its owner to invite you as a colleague.",
                inn=values["inn"],
                kpp=values["kpp"] or "-",
            )
        return values, errors

    @api.model
    def _b2b_register(self, values, user):
        """Create the entity of checked registration ``values`` for ``user``
        (its owner) and send it to verification.

        Buyers may not create partners: the portal controller calls this as
        superuser once the values are checked; the entity is pending until a
        B2B manager approves it.
        """
        user = user.with_env(self.env)
        russia = self.env.ref("base.ru")
        entity = self.create(
            {
                "name": values["name"],
                "is_company": True,
                "country_id": russia.id,
                "vat": values["inn"],
                "b2b_kpp": values["kpp"] or False,
                "company_registry": values["ogrn"],
                "b2b_tax_system": values["tax_system"],
                "street": values["street"],
                "city": values["city"],
                "zip": values["zip"] or False,
                "phone": values["phone"] or False,
                "email": values["email"] or False,
                "lang": user.lang,
                "b2b_state": "draft",
            }
        )
        if values["delivery_street"]:
            entity._b2b_set_delivery_address(values)
        if values["bank_account"]:
            entity._b2b_set_bank_account(
                values["bank_account"], values["bank_bic"], values["bank_name"]
            )
        self.env["b2b.membership"].create(
            {"user_id": user.id, "entity_id": entity.id, "role": "owner"}
        )
        founder = user.partner_id
        if not founder.parent_id and not founder.is_company:
            founder.parent_id = entity
        entity.action_b2b_submit()
        return entity

    # -- Odoo's own address pages --------------------------------------------------
    # An entity's addresses change only through the change requests (an owner
    # asks, the supplier checks), never through Odoo's address form
    # (/my/address, /my/address/submit, /my/address/archive), whatever the role.
    def _b2b_is_entity(self):
        """Whether this partner's commercial partner is a B2B legal entity:
        one under verification or with buyers (past ones included)."""
        self.ensure_one()
        entity = self.sudo().commercial_partner_id
        return bool(
            entity.b2b_state
            or entity.with_context(active_test=False).b2b_membership_ids
        )

    def _can_be_edited_by_current_customer(self, **kwargs):
        """A buyer edits their own contact only; the entity and its other
        addresses are the change requests' (Odoo lets any contact under a
        company edit and archive all its addresses)."""
        self.ensure_one()
        if self._b2b_is_entity() and (
            self != self._get_current_partner(**kwargs)
            or self == self.sudo().commercial_partner_id
        ):
            return False
        return super()._can_be_edited_by_current_customer(**kwargs)

    def _b2b_delivery_address(self):
        """The main delivery address of this entity (may be empty)."""
        self.ensure_one()
        return self.child_ids.filtered(lambda p: p.type == "delivery")[:1]

    def _b2b_set_delivery_address(self, values, delivery=None):
        """Write ``delivery_*`` values on ``delivery`` (an address of this
        entity) or on a new delivery address."""
        self.ensure_one()
        address = {
            "street": values.get("delivery_street") or False,
            "city": values.get("delivery_city") or False,
            "zip": values.get("delivery_zip") or False,
        }
        if delivery and delivery.parent_id == self:
            delivery.write(address)
            return delivery
        return self.create(
            dict(
                address,
                parent_id=self.id,
                type="delivery",
                country_id=self.country_id.id or self.env.ref("base.ru").id,
            )
        )

    def _b2b_set_bank_account(self, account, bic, bank_name=None):
        """Make ``account`` at the bank of ``bic`` this entity's first bank
        account; the bank is created if its BIC is unknown."""
        self.ensure_one()
        bank = self.env["res.bank"].search([("bic", "=", bic)], limit=1)
        if not bank:
            bank = self.env["res.bank"].create(
                {
                    "name": bank_name or self.env._("Bank %(bic)s", bic=bic),
                    "bic": bic,
                    "country": self.env.ref("base.ru").id,
                }
            )
        first = min(self.bank_ids.mapped("sequence"), default=10)
        PartnerBank = self.env["res.partner.bank"].with_context(active_test=False)
        partner_bank = PartnerBank.search(
            [("partner_id", "=", self.id), ("acc_number", "=", account)], limit=1
        )
        if partner_bank:
            partner_bank.write(
                {"bank_id": bank.id, "active": True, "sequence": first - 1}
            )
            return partner_bank
        return PartnerBank.create(
            {
                "partner_id": self.id,
                "acc_number": account,
                "bank_id": bank.id,
                "sequence": first - 1,
            }
        )

    def _b2b_change_form_values(self):
        """Current values of what a change request may change."""
        self.ensure_one()
        delivery = self._b2b_delivery_address()
        account = self.bank_ids[:1]
        return {
            "street": self.street or "",
            "city": self.city or "",
            "zip": self.zip or "",
            "phone": self.phone or "",
            "email": self.email or "",
            "bank_account": account.sanitized_acc_number or "",
            "bank_bic": account.bank_id.bic or "",
            "bank_name": account.bank_id.name or "",
            "delivery_street": delivery.street or "",
            "delivery_city": delivery.city or "",
            "delivery_zip": delivery.zip or "",
        }

    def _b2b_apply_changes(self, values, delivery=None):
        """Write the whitelisted ``values`` of an approved change request."""
        self.ensure_one()
        unknown = set(values) - set(entity_form.CHANGE_KEYS)
        if unknown:
            raise UserError(
                self.env._("These fields cannot change: %(f)s", f=", ".join(unknown))
            )
        contact = {
            k: values[k] or False for k in entity_form.CONTACT_KEYS if k in values
        }
        if contact:
            self.write(contact)
        if values.get("bank_account"):
            self._b2b_set_bank_account(
                values["bank_account"], values["bank_bic"], values.get("bank_name")
            )
        if any(k in values for k in entity_form.DELIVERY_KEYS):
            self._b2b_set_delivery_address(values, delivery)
        return True

    def _b2b_add_contact(self, name, email):
        """A contact person of this entity for ``email``: the existing one
        without a user, else a new one."""
        self.ensure_one()
        contact = self.child_ids.filtered(
            lambda p: p.type == "contact"
            and p.email_normalized == email
            and not p.with_context(active_test=False).user_ids
        )[:1]
        return contact or self.create(
            {
                "name": name or email.split("@")[0],
                "email": email,
                "parent_id": self.id,
                "type": "contact",
            }
        )

    def _b2b_grant_portal_access(self):
        """Odoo's portal invitation for this contact: a portal user and the
        e-mail to set a password (``portal.wizard``)."""
        self.ensure_one()
        wizard = self.env["portal.wizard"].create(
            {"partner_ids": [Command.link(self.id)]}
        )
        wizard.user_ids.filtered(lambda w: w.partner_id == self).action_grant_access()
        return self.with_context(active_test=False).user_ids[:1]
