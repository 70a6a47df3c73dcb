from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from ..tools.entity_form import BANK_KEYS, CHANGE_KEYS, CONTACT_KEYS, DELIVERY_KEYS


class B2bChangeRequest(models.Model):
    """Changes an owner asks for to the data of a legal entity: nothing
    changes until a B2B manager approves them."""

    _name = "b2b.change.request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Change request of a legal entity"
    _order = "id desc"

    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested by",
        readonly=True,
        default=lambda self: self.env.user,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("pending", "Pending review"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    values = fields.Json(
        string="Proposed values",
        readonly=True,
        help="The changed fields and their new values: keys of a fixed whitelist "
        "(address, phone, e-mail, bank account, delivery address).",
    )
    delivery_id = fields.Many2one(
        "res.partner",
        string="Delivery address",
        readonly=True,
        help="The delivery address that changes; empty: a new one is added.",
    )
    summary = fields.Text(
        string="Changes",
        readonly=True,
        help="Each change, from the value at the time of the request to the new one.",
    )
    reject_reason = fields.Text(string="Rejection reason", readonly=True, copy=False)

    @api.depends("entity_id", "create_date")
    def _compute_display_name(self):
        for request in self:
            request.display_name = self.env._(
                "Changes of %(entity)s (%(date)s)",
                entity=request.entity_id.display_name,
                date=fields.Date.to_string(request.create_date or fields.Date.today()),
            )

    # -- from the portal ---------------------------------------------------------
    @api.model
    def _b2b_portal_check(self, entity, form):
        """Values, per-field errors and the changes of a portal change form,
        compared with the entity's current data.

        :return: (values, errors, changes {key: new value}, new_delivery)
        """
        Partner = self.env["res.partner"]
        current = entity._b2b_change_form_values()
        new_delivery = form.get("delivery_new") == "1"
        required = ["street", "city"]
        if current["bank_account"]:
            required += ["bank_account", "bank_bic"]
        if current["delivery_street"] and not new_delivery:
            required += ["delivery_street", "delivery_city"]
        values, errors = Partner._b2b_clean_form(form, CHANGE_KEYS, required)
        if new_delivery and not values["delivery_street"]:
            errors.setdefault(
                "delivery_street", self.env._("Required for a new delivery address.")
            )
        changes = {k: values[k] for k in CONTACT_KEYS if values[k] != current[k]}
        if any(values[k] != current[k] for k in ("bank_account", "bank_bic")):
            changes.update({k: values[k] for k in BANK_KEYS})
        if new_delivery or any(values[k] != current[k] for k in DELIVERY_KEYS):
            changes.update({k: values[k] for k in DELIVERY_KEYS})
        if not errors:
            if not changes:
                errors[""] = self.env._("Nothing was changed.")
            elif self.sudo().search_count(
                [("entity_id", "=", entity.id), ("state", "=", "pending")], limit=1
            ):
                errors[""] = self.env._(
                    "A change request of %(entity)s is already waiting for "
                    "review: wait for its answer before sending another one.",
                    entity=entity.display_name,
                )
        return values, errors, changes, new_delivery

    @api.model
    def _b2b_create_from_portal(self, entity, user, changes, new_delivery=False):
        """A pending request of checked ``changes``, with an activity for the
        B2B staff. Called as superuser once the user is known to be an owner
        of ``entity``."""
        delivery = entity._b2b_delivery_address()
        request = self.create(
            {
                "entity_id": entity.id,
                "user_id": user.id,
                "values": changes,
                "delivery_id": False if new_delivery else delivery.id,
                "summary": self._b2b_summary(entity, changes, new_delivery),
            }
        )
        request.message_subscribe(partner_ids=user.partner_id.ids)
        request.action_submit()
        return request

    @api.model
    def _b2b_summary(self, entity, changes, new_delivery=False):
        current = entity._b2b_change_form_values()
        labels = entity._b2b_form_labels()
        lines = [
            f"{labels[key]}: {current[key] or '—'} → {changes[key] or '—'}"
            for key in CONTACT_KEYS
            if key in changes
        ]

        def account(values):
            if not values["bank_account"]:
                return "—"
            return self.env._(
                "%(account)s, BIC %(bic)s",
                account=values["bank_account"],
                bic=values["bank_bic"],
            )

        def address(values):
            parts = (
                values[k] for k in ("delivery_zip", "delivery_city", "delivery_street")
            )
            return ", ".join(p for p in parts if p) or "—"

        if "bank_account" in changes:
            lines.append(
                self.env._("Bank account")
                + f": {account(current)} → {account(changes)}"
            )
        if "delivery_street" in changes:
            if new_delivery or not current["delivery_street"]:
                lines.append(
                    self.env._("New delivery address") + f": {address(changes)}"
                )
            else:
                lines.append(
                    self.env._("Delivery address")
                    + f": {address(current)} → {address(changes)}"
                )
        return "\n".join(lines)

    # -- workflow ------------------------------------------------------------------
    def action_submit(self):
        for request in self.filtered(lambda r: r.state == "draft"):
            request.state = "pending"
            for reviewer in request.entity_id._b2b_reviewers()[:5]:
                request.activity_schedule(
                    "b2b_portal.mail_activity_b2b_change_request",
                    user_id=reviewer.id,
                    note=plaintext2html(request.summary or ""),
                )
        return True

    def action_approve(self):
        """Apply the changes to the entity, with the usual checks."""
        self.entity_id._b2b_check_reviewer()
        for request in self:
            if request.state != "pending":
                raise UserError(
                    self.env._("Only a pending change request can be approved.")
                )
            values = dict(request.values or {})
            unknown = set(values) - set(CHANGE_KEYS)
            _clean, errors = self.env["res.partner"]._b2b_clean_form(
                values, [k for k in CHANGE_KEYS if k in values]
            )
            if unknown or errors:
                labels = request.entity_id._b2b_form_labels()
                raise ValidationError(
                    "\n".join(
                        [request.display_name]
                        + [f"{labels.get(k, k)}: {msg}" for k, msg in errors.items()]
                        + [f"{k}: ?" for k in unknown]
                    )
                )
            request.entity_id._b2b_apply_changes(values, request.delivery_id)
            request.write({"state": "approved", "reject_reason": False})
            request.activity_feedback(["b2b_portal.mail_activity_b2b_change_request"])
            request.message_post(
                body=self.env._("The changes are approved and applied."),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_reject(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject change request"),
            "res_model": "b2b.change.request.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_ids": self.ids},
        }

    def _b2b_reject(self, reason):
        self.entity_id._b2b_check_reviewer()
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(self.env._("Say why the changes are rejected."))
        if any(request.state != "pending" for request in self):
            raise UserError(
                self.env._("Only a pending change request can be rejected.")
            )
        self.write({"state": "rejected", "reject_reason": reason})
        self.activity_feedback(["b2b_portal.mail_activity_b2b_change_request"])
        for request in self:
            request.message_post(
                body=self.env._("The changes are rejected: %(reason)s", reason=reason),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True
