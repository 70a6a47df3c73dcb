# res_partner.py holds the entity itself and is near the size limit: the
# verification lives here
# pylint: disable=consider-merging-classes-inherited
from odoo import SUPERUSER_ID, Command, fields, models
from odoo.exceptions import AccessError, ValidationError

VERIFY_ACTIVITY = "b2b_portal.mail_activity_b2b_verify"


class ResPartner(models.Model):
    """Verification of a legal entity (draft → pending → approved /
    rejected) and what an approval gives it, so that its buyers can order at
    once: the customer group, the salesperson and a default contract."""

    _inherit = "res.partner"

    # -- the supplier side ----------------------------------------------------
    def _b2b_supplier_company(self):
        """The company that serves this entity: its own, else that of its
        owners (the users who registered it sign up in the supplier company),
        else the sign-up company of the B2B settings, else the current one."""
        self.ensure_one()
        entity = self.sudo()
        owners = entity.b2b_membership_ids.filtered(
            lambda m: m.active and m.role == "owner"
        ).user_id
        return (
            entity.company_id
            or owners[:1].company_id
            or self.env["res.company"]._b2b_signup_company()
            or self.env.company
        ).with_env(self.env)

    def _b2b_reviewers(self):
        """Who checks this entity and its requests: its salesperson if a B2B
        user, else the B2B managers, those of its supplier company first.
        Neither OdooBot nor the administrator, unless nobody else is a B2B
        manager."""
        self.ensure_one()
        salesperson = self.user_id.filtered(
            lambda u: u.has_group("b2b_portal.group_b2b_user")
        )
        if salesperson:
            return salesperson
        managers = (
            self.env.ref("b2b_portal.group_b2b_manager")
            .all_user_ids.filtered(
                lambda u: not u.share and u.active and u.id != SUPERUSER_ID
            )
            .sorted("id")
        )
        admin = self.env.ref("base.user_admin", raise_if_not_found=False)
        people = managers - admin if admin else managers
        company = self._b2b_supplier_company()
        return people.filtered(lambda u: company in u.company_ids) or people or managers

    # -- verification ---------------------------------------------------------
    def action_b2b_submit(self):
        """A buyer's entity goes to the supplier's B2B managers for checking."""
        for entity in self.filtered(
            lambda p: p.b2b_state in (False, "draft", "rejected")
        ):
            entity.b2b_state = "pending"
            entity._b2b_schedule_verification()
        return True

    def _b2b_schedule_verification(self):
        """One verification activity per pending entity, for its first
        reviewer; none more while one is open."""
        self.ensure_one()
        activity_type = self.env.ref(VERIFY_ACTIVITY)
        if self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
            return
        reviewer = self._b2b_reviewers()[:1]
        if not reviewer:
            return
        # in the reviewer's language, not that of the buyer who submitted
        entity = self.with_context(lang=reviewer.lang or self.env.lang)
        activity_type = entity.env.ref(VERIFY_ACTIVITY)
        entity.activity_schedule(
            activity_type_id=activity_type.id,
            summary=activity_type.summary,
            user_id=reviewer.id,
            note=entity.env._(
                "Check INN %(inn)s, KPP %(kpp)s, OGRN %(ogrn)s and approve "
                "or reject the legal entity.",
                inn=self.vat or "-",
                kpp=self.b2b_kpp or "-",
                ogrn=self.company_registry or "-",
            ),
        )

    def _b2b_check_reviewer(self):
        """A B2B Manager reviews every entity; a B2B User those they are the
        salesperson of, and those without one."""
        user = self.env.user
        if self.env.su or user.has_group("b2b_portal.group_b2b_manager"):
            return
        foreign = self.filtered(lambda e: e.user_id and e.user_id != user)
        if foreign or not user.has_group("b2b_portal.group_b2b_user"):
            raise AccessError(
                self.env._(
                    "Only the salesperson of %(entity)s or a B2B manager may "
                    "review it.",
                    entity=(foreign or self)[:1].display_name,
                )
            )

    def action_b2b_approve(self):
        self._b2b_check_reviewer()
        for entity in self:
            errors = entity._b2b_check_identifiers() if entity._b2b_is_russian() else []
            if not entity.vat:
                errors.append(self.env._("INN is missing"))
            if errors:
                raise ValidationError("\n".join([entity.display_name, *errors]))
        # approving an approved entity again is no new approval: no event
        approved = self.filtered(lambda entity: entity.b2b_state != "approved")
        self.write({"b2b_state": "approved", "b2b_reject_reason": False})
        self.activity_feedback([VERIFY_ACTIVITY])
        if approved:
            approved._b2b_on_entity_approved()
        return True

    def action_b2b_reject(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject legal entity"),
            "res_model": "b2b.entity.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_entity_ids": self.ids},
        }

    def _b2b_reject(self, reason):
        self._b2b_check_reviewer()
        if not (reason or "").strip():
            raise ValidationError(self.env._("Say why the legal entity is rejected."))
        self.write({"b2b_state": "rejected", "b2b_reject_reason": reason.strip()})
        self.activity_feedback([VERIFY_ACTIVITY])

    # -- what an approval gives -----------------------------------------------
    def _b2b_on_entity_approved(self):
        """Event: these entities were just approved (``action_b2b_approve``,
        from the back office's button), once per approval: not for an entity
        approved already. Addons extend it (b2b_edo: the contract document)
        and must call ``super()``. It runs in the approving transaction and
        may run again if Odoo retries it after a serialization failure:
        write to the database only, nothing outside it (mail goes through
        the mail queue).

        Here, their buyers can order at once: an entity of no customer group
        gets the default group of its supplier company, one without a
        salesperson gets the reviewer, one without a valid contract gets a
        default contract from the company's contract settings.

        Called after the reviewer check; the writes are the reviewer's
        (a B2B user may not create contracts), nothing else is."""
        reviewer = self.env.user
        own_salesperson = (
            not reviewer.share
            and reviewer.id != SUPERUSER_ID
            and reviewer.has_group("b2b_portal.group_b2b_user")
        )
        for entity in self.sudo():
            company = entity._b2b_supplier_company().sudo()
            values = {}
            if not entity.category_id and company.b2b_default_category_id:
                values["category_id"] = [
                    Command.link(company.b2b_default_category_id.id)
                ]
            if not entity.user_id and own_salesperson:
                values["user_id"] = reviewer.id
            if values:
                entity.write(values)
            if company.b2b_contract_on_approval and not entity._b2b_default_contract():
                entity._b2b_create_default_contract(company)

    def _b2b_create_default_contract(self, company):
        """An active default contract of this entity with ``company``, made
        from the company's contract settings (number from its sequence,
        payment and delivery terms). It has no price type of its own: the
        entity's (its group's, with b2b_pricelist) applies."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return (
            self.env["b2b.contract"]
            .with_company(company)
            .create(
                {
                    "name": company._b2b_next_contract_number(),
                    "entity_id": self.id,
                    "company_id": company.id,
                    "currency_id": company.currency_id.id,
                    "date": today,
                    "date_start": today,
                    "payment_term_id": company.b2b_contract_payment_term_id.id,
                    "delivery_terms": company.b2b_contract_delivery_terms,
                    "state": "active",
                    "is_default": not self.b2b_contract_ids.filtered("is_default"),
                }
            )
        )
