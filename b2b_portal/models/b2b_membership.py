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
        "Accountant: documents and finances only. Viewer: reads everything, "
        "invoices and deliveries included, changes nothing.",
    )
    active = fields.Boolean(default=True)
    pending = fields.Boolean(
        string="Invitation pending",
        copy=False,
        help="An owner invited a buyer who already has an account: the "
        "membership stays inactive until that buyer accepts in their portal.",
    )
    invite_email = fields.Char(
        string="Invited e-mail",
        copy=False,
        help="The address the owner typed: all the entity sees of a pending "
        "invitation.",
    )

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

        A new address gets a contact under the entity and a portal user
        through Odoo's portal invitation (``portal.wizard``), then the
        membership. An existing portal user (of another customer, maybe) gets
        a pending invitation: no access, and nothing of them shown to the
        entity, until they accept it (``_b2b_accept``). The portal calls this
        as superuser after checking that the inviter is an owner.
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
        existing = bool(user)
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
        values = {"active": not existing, "pending": existing, "role": role}
        values["invite_email"] = normalized
        if membership:
            membership.write(values)
            return membership
        return self.create(dict(values, user_id=user.id, entity_id=entity.id))

    @api.model
    def _b2b_invitations(self, user):
        """The pending invitations of ``user``, as superuser (a buyer cannot
        read a membership that is not active)."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search([("user_id", "=", user.id), ("pending", "=", True)])
        )

    @api.model
    def _b2b_pending_of(self, entity):
        """The invitations ``entity`` is waiting an answer to."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search([("entity_id", "=", entity.id), ("pending", "=", True)])
        )

    def _b2b_answer(self, accept):
        """The invitee accepts (the membership becomes active) or declines
        (it stays inactive) a pending invitation."""
        self.ensure_one()
        if not self.pending:
            raise UserError(self.env._("This invitation was answered already."))
        self.write({"pending": False, "active": bool(accept)})

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
        """Remove the access (the membership is archived, not deleted), or
        withdraw a pending invitation."""
        self.ensure_one()
        self._b2b_check_keeps_an_owner()
        self.write({"active": False, "pending": False})
