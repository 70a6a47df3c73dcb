# what the portal asks of a claim: filing, the buyer's actions, the chat
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.exceptions import MissingError, UserError

from ..tools import photos
from .b2b_claim import BUYER_OPEN, MAX_FILES, UPLOAD_KINDS


class B2bClaim(models.Model):
    _inherit = "b2b.claim"

    @api.model
    def _b2b_claim_form(self, entity, order=None, picking=None):
        """The delivered lines a buyer may claim on, with what is left:
        ``[(move line, left)]`` (as superuser: the caller checked the
        membership and the order or delivery is the entity's)."""
        move_lines = self._b2b_delivered_move_lines(
            entity, order=order, picking=picking
        )
        left = self._b2b_claimable(move_lines)
        return [(move_line, left[move_line.id]) for move_line in move_lines]

    @api.model
    def _b2b_claim_source(self, entity, order_id=0, picking_id=0):
        """``(order, picking)``: the order of id ``order_id`` or the outgoing
        delivery of id ``picking_id`` of ``entity`` a claim is filed on
        (one of them, the other None), as superuser after the check: the
        portal's form and the API.

        :raise MissingError: none, or another entity's
        """
        order = picking = None
        if picking_id:
            picking = (
                self.env["stock.picking"]
                .sudo()
                .search(
                    [
                        ("id", "=", picking_id),
                        ("picking_type_code", "=", "outgoing"),
                        ("partner_id.commercial_partner_id", "=", entity.id),
                    ],
                    limit=1,
                )
            )
            if not picking:
                raise MissingError(self.env._("This delivery does not exist."))
        elif order_id:
            order = (
                self.env["sale.order"]
                .sudo()
                .search(
                    [("id", "=", order_id), ("b2b_entity_id", "=", entity.id)],
                    limit=1,
                )
            )
            if not order:
                raise MissingError(self.env._("This order does not exist."))
        else:
            raise MissingError(self.env._("Name the order or the delivery."))
        return order, picking

    @api.model
    def _b2b_file(self, user, entity, values, lines, files=()):
        """A claim filed by ``user`` for ``entity``, submitted at once.

        ``values``: claim_type_id, description, order or picking;
        ``lines``: dicts of move_line_id, quantity, demand, demand_amount,
        demand_percent, reason, grounds. Every check (delivered to this
        entity, what is left, the demand's amount, the files) runs before
        the transaction commits: a refusal writes nothing.
        """
        user._b2b_check(entity, "claims")
        claim_type = self.env["b2b.claim.type"].browse(values.get("claim_type_id"))
        if not claim_type.exists():
            raise UserError(self.env._("Choose the type of the claim."))
        if not lines:
            raise UserError(
                self.env._("Enter the claimed quantity of at least one line.")
            )
        order = values.get("order") or self.env["sale.order"]
        picking = values.get("picking") or self.env["stock.picking"]
        delivered = self._b2b_delivered_move_lines(
            entity, order=order or None, picking=picking or None
        )
        if not delivered:
            raise UserError(
                self.env._(
                    "Nothing of this order has been delivered yet: a claim is "
                    "filed on delivered goods."
                )
            )
        known = set(delivered.ids)
        for line in lines:
            if line["move_line_id"] not in known:
                raise UserError(
                    self.env._(
                        "This line was not delivered to you: a claim is filed "
                        "on delivered goods only."
                    )
                )
        first = delivered.filtered(lambda ml: ml.id == lines[0]["move_line_id"])
        order = order or first.move_id.sale_line_id.order_id
        with self.env.cr.savepoint():
            claim = self.sudo().create(
                {
                    "entity_id": entity.id,
                    "company_id": (order.company_id or self.env.company).id,
                    "order_id": order.id,
                    "picking_id": (picking or first.picking_id).id,
                    "contract_id": order.b2b_contract_id.id,
                    "claim_type_id": claim_type.id,
                    "description": values.get("description") or False,
                    "contact_id": user.partner_id.id,
                    "user_id": order.user_id.id or entity.user_id.id,
                    "line_ids": [(0, 0, line) for line in lines],
                }
            )
            claim.message_subscribe(partner_ids=user.partner_id.ids)
            claim.action_submit()
            if files:
                claim._b2b_add_files(files)
        return claim

    def _b2b_buyer_can_change(self, user):
        """A member with "claims" may change, withdraw or escalate an open
        claim; a decided one is closed to the buyer."""
        self.ensure_one()
        return self.state in BUYER_OPEN and user._b2b_can(self.entity_id, "claims")

    def _b2b_buyer_action(self, user, action):
        """``action`` ("withdraw", "escalate") by the buyer, checked."""
        self.ensure_one()
        if not user._b2b_can(self.entity_id, "claims"):
            user._b2b_check(self.entity_id, "claims")
        if action == "withdraw":
            if self.state not in BUYER_OPEN:
                raise UserError(
                    self.env._("The claim is decided: it cannot be withdrawn any more.")
                )
            self.sudo().action_withdraw()
        elif action == "escalate":
            self.sudo().action_escalate()
        else:
            raise UserError(self.env._("Unknown action."))

    # -- the chat ----------------------------------------------------------------
    def message_post(self, **kwargs):
        """A buyer's post: its files are checked as uploads (kinds, size,
        content; location data stripped), and a claim waiting for the buyer
        goes back to review."""
        if self.env.user.share and kwargs.get("attachment_ids"):
            self._b2b_check_chat_files(kwargs["attachment_ids"])
        message = super().message_post(**kwargs)
        if self.env.user.share:
            self.sudo()._b2b_buyer_answered()
        return message

    def _b2b_check_chat_upload(self, filename, content):
        """A buyer's file for the chat, checked before it is stored: the
        claim's kinds and size, and room left of its files."""
        existing = (
            self.env["ir.attachment"]
            .sudo()
            .search_count([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        if existing + 1 > MAX_FILES:
            raise UserError(
                self.env._(
                    "At most %(max)s files can be attached to a claim.", max=MAX_FILES
                )
            )
        self.env["ir.attachment"]._b2b_check_upload(
            filename, content, kinds=UPLOAD_KINDS
        )

    def _b2b_check_chat_files(self, attachment_ids):
        attachments = self.env["ir.attachment"].sudo().browse(attachment_ids).exists()
        existing = (
            self.env["ir.attachment"]
            .sudo()
            .search_count([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        if existing + len(attachments) > MAX_FILES:
            raise UserError(
                self.env._(
                    "At most %(max)s files can be attached to a claim.", max=MAX_FILES
                )
            )
        for attachment in attachments:
            content = attachment.raw or b""
            check = self.env["ir.attachment"]._b2b_check_upload(
                attachment.name, content, kinds=UPLOAD_KINDS
            )
            stripped = photos.strip_metadata(check.kind, content)
            if stripped != content:
                attachment.raw = stripped
