# res_partner.py holds the entity itself: its identifiers live here
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize

from ..tools import entity_form, ru_ids
from .res_partner import UNCOUNTED_STATES


class ResPartner(models.Model):
    """Identifiers of a legal entity (INN, KPP, OGRN) and their checks,
    and the labels and errors of the portal forms that enter them."""

    _inherit = "res.partner"

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
