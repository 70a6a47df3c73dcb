from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize


class B2bMembership(models.Model):
    _name = "b2b.membership"
    _description = "Buyer membership in a legal entity"
    _order = "entity_id, user_id"
    _rec_name = "entity_id"

    user_id = fields.Many2one(
        "res.users",
        string="Buyer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("share", "=", True)],
    )
    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    role = fields.Selection(
        [
            ("owner", "Owner"),
            ("buyer", "Buyer"),
            ("accountant", "Accountant"),
            ("viewer", "Viewer"),
        ],
        required=True,
        default="buyer",
        help="Owner: everything, manages colleagues. Buyer: catalog, carts, orders. "
        "Accountant: documents and finances only. Viewer: read only.",
    )
    active = fields.Boolean(default=True)

    _user_entity_uniq = models.Constraint(
        "UNIQUE(user_id, entity_id)",
        "This buyer is already a member of this legal entity.",
    )

    @api.constrains("entity_id")
    def _check_entity_is_company(self):
        for membership in self:
            if not membership.entity_id.is_company:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is a person, not a legal entity.",
                        partner=membership.entity_id.display_name,
                    )
                )

    # -- colleagues, managed by an owner in the portal ---------------------------
    @api.model
    def _b2b_invite(self, entity, email, role, name=None):
        """Give the person of ``email`` access to ``entity`` with ``role``.

        An existing portal user gets a membership; a new address gets a
        contact under the entity and a portal user through Odoo's portal
        invitation (``portal.wizard``), then the membership. The portal calls
        this as superuser after checking that the inviter is an owner.
        """
        self._b2b_check_role(role)
        normalized = email_normalize(email or "")
        if not normalized:
            raise UserError(
                self.env._("“%(email)s” is not an e-mail address.", email=email)
            )
        user = (
            self.env["res.users"]
            .with_context(active_test=False)
            .search([("login", "=", normalized)], limit=1)
        )
        if user and not (user.active and user._is_portal()):
            # staff, or a buyer the supplier closed: not for a colleague to reopen
            raise UserError(
                self.env._(
                    "%(email)s cannot be invited here: ask your manager at the "
                    "supplier.",
                    email=normalized,
                )
            )
        if not user:
            user = entity._b2b_add_contact(name, normalized)._b2b_grant_portal_access()
        membership = self.with_context(active_test=False).search(
            [("user_id", "=", user.id), ("entity_id", "=", entity.id)], limit=1
        )
        if membership.active:
            raise UserError(
                self.env._(
                    "%(email)s is already a member of %(entity)s.",
                    email=normalized,
                    entity=entity.display_name,
                )
            )
        if membership:
            membership.write({"active": True, "role": role})
            return membership
        return self.create({"user_id": user.id, "entity_id": entity.id, "role": role})

    def _b2b_check_role(self, role):
        if role not in dict(self._fields["role"].selection):
            raise UserError(self.env._("Choose a role from the list."))

    def _b2b_is_last_owner(self):
        self.ensure_one()
        return (
            self.active
            and self.role == "owner"
            and not self.search_count(
                [
                    ("entity_id", "=", self.entity_id.id),
                    ("role", "=", "owner"),
                    ("id", "!=", self.id),
                ],
                limit=1,
            )
        )

    def _b2b_check_keeps_an_owner(self):
        if self._b2b_is_last_owner():
            raise UserError(
                self.env._(
                    "%(entity)s must keep at least one owner: make someone else "
                    "owner first.",
                    entity=self.entity_id.display_name,
                )
            )

    def _b2b_set_role(self, role):
        self.ensure_one()
        self._b2b_check_role(role)
        if role != "owner":
            self._b2b_check_keeps_an_owner()
        self.role = role

    def _b2b_revoke(self):
        """Remove the access (the membership is archived, not deleted)."""
        self.ensure_one()
        self._b2b_check_keeps_an_owner()
        self.active = False
