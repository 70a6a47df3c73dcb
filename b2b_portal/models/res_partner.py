from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import ru_ids


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_kpp = fields.Char(
        string="KPP",
        size=9,
        help="Tax registration reason code (КПП) of a Russian organisation.",
    )
    b2b_membership_ids = fields.One2many("b2b.membership", "entity_id", string="Buyers")
    b2b_membership_count = fields.Integer(compute="_compute_b2b_membership_count")

    @api.depends("b2b_membership_ids")
    def _compute_b2b_membership_count(self):
        counts = dict(
            self.env["b2b.membership"]._read_group(
                [("entity_id", "in", self.ids)], ["entity_id"], ["__count"]
            )
        )
        for partner in self:
            partner.b2b_membership_count = counts.get(partner, 0)

    def _b2b_is_russian(self):
        self.ensure_one()
        country = self.country_id or (
            not self.parent_id and self.env.company.country_id
        )
        return bool(country) and country.code == "RU"

    def _b2b_id_error(self, code):
        """Translated text of a ``tools.ru_ids`` error code."""
        return {
            "inn_format": self.env._(
                "INN must have 10 digits (organisation) or 12 digits (sole trader)"
            ),
            "inn_checksum": self.env._("INN check digit is wrong"),
            "inn_company_length": self.env._("an organisation's INN has 10 digits"),
            "kpp_format": self.env._(
                "KPP must have 9 characters: 4 digits, 2 digits or letters, 3 digits"
            ),
            "ogrn_format": self.env._("OGRN must have 13 digits (OGRNIP: 15 digits)"),
            "ogrn_checksum": self.env._("OGRN check digit is wrong"),
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
