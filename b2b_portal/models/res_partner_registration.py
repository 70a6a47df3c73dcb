# res_partner.py holds the entity itself: registration and change requests
# live here
# pylint: disable=consider-merging-classes-inherited
from odoo import Command, api, models
from odoo.exceptions import UserError

from ..tools import entity_form
from .res_partner import UNCOUNTED_STATES


class ResPartner(models.Model):
    """Registration of a legal entity from the portal and what its change
    requests write: delivery address, bank account, contacts, portal access."""

    _inherit = "res.partner"

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
