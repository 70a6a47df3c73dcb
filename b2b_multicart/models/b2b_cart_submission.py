import uuid

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.cart_lines import MAX_CART_NAME, merge_lines


class B2bCartSubmission(models.AbstractModel):
    """Carts leaving the portal: checkout, merge, approval, invoice for
    payment, back-office conversion and reminders. Mixed into sale.order
    (models/sale_order.py), whose fields it uses."""

    _name = "b2b.cart.submission"
    _description = "B2B cart submission (sale.order mixin)"

    # -- submission: checkout and merge ---------------------------------------
    @api.model
    def _b2b_order_by_token(self, token):
        if not token:
            return self.browse()
        return self.sudo().search([("b2b_submit_token", "=", token)], limit=1)

    @api.model
    def _b2b_submit_token_new(self):
        """A new double-submit token, for a form that orders or merges: the
        same form sent twice gives one result
        (``_b2b_submit_token_done``)."""
        return uuid.uuid4().hex

    @api.model
    def _b2b_submit_token_done(self, token, entity, user=None):
        """What a form sent with ``token`` made already (an order or a
        merged cart, sudo), or an empty recordset: the form was not sent
        before. Checked against ``entity`` (and ``user``, who made it, when
        given).

        :raise AccessError: the token is of another entity or buyer
        """
        done = self._b2b_order_by_token(token)
        if done and (
            done.b2b_entity_id != entity or (user and done.b2b_buyer_id != user)
        ):
            raise AccessError(self.env._("This form was sent by someone else."))
        return done

    def _b2b_check_contract(self, contract):
        if not contract:
            raise UserError(self.env._("Choose a contract."))
        if contract.entity_id != self.b2b_entity_id[:1]:
            raise UserError(
                self.env._("This contract is not one of your legal entity.")
            )
        if not contract._b2b_is_valid():
            raise UserError(
                self.env._(
                    "The contract %(contract)s is not valid today (expired or "
                    "closed): ask your manager.",
                    contract=contract.display_name,
                )
            )

    def _b2b_checkout(
        self, token, contract, shipping=None, date=None, note=None, version=None
    ):
        """Submit this cart as an order: confirmed, or held for approval.

        A form sent twice (same ``token``) or a cart submitted already (two
        tabs) gives the one order; a concurrent submission is refused.
        """
        self.ensure_one()
        existing = self._b2b_order_by_token(token)
        if existing:
            return existing
        if not self._b2b_is_open_cart() or self.state != "draft":
            return self.b2b_merged_into_id or self
        if not self._b2b_product_lines():
            raise UserError(self.env._("The cart is empty: add products first."))
        self._b2b_check_contract(contract)
        # blockers of the entity and the order rules of the lines
        self._b2b_assert_order_rules(self._b2b_check_own_rules())
        entity = self.b2b_entity_id
        if shipping and shipping not in entity._b2b_delivery_addresses():
            raise UserError(
                self.env._("Choose a delivery address of your legal entity.")
            )
        if date and date < fields.Date.context_today(self):
            raise UserError(self.env._("The desired date is in the past."))
        self._b2b_lock(version)
        values = {
            "b2b_submit_token": token or False,
            "b2b_is_current": False,
        }
        if date:
            values["commitment_date"] = date
        if shipping:
            values["partner_shipping_id"] = shipping.id
        if note and note.strip():
            values["b2b_note"] = note.strip()[:2000]
        reprice = contract != self.b2b_contract_id
        if reprice:
            values["b2b_contract_id"] = contract.id
            values["pricelist_id"] = entity._b2b_pricelist(contract).id
            if contract.payment_term_id:
                values["payment_term_id"] = contract.payment_term_id.id
        self.write(values)
        if reprice:
            self._recompute_prices()
        self._b2b_submit_order()
        return self

    def _b2b_merge(self, user, token):
        """Merge these carts (same entity and contract) into one new cart of
        ``user``, lines of the same product and unit summed; the carts are
        closed and link to it. Nothing is ordered: the buyer reviews the
        merged cart and orders it at its checkout. Returns ``(cart,
        summed)``, summed: how many products were on several lines."""
        existing = self._b2b_order_by_token(token)
        if existing:
            return existing, 0
        if len(self) < 2:
            raise UserError(
                self.env._(
                    "Choose at least two different carts to merge: a cart cannot "
                    "be merged with itself."
                )
            )
        entities = self.b2b_entity_id
        if len(entities) > 1:
            raise UserError(
                self.env._(
                    "Carts of different legal entities cannot be merged: %(entities)s.",
                    entities=", ".join(entities.mapped("display_name")),
                )
            )
        contracts = self.mapped("b2b_contract_id")
        if len(contracts) != 1 or any(not cart.b2b_contract_id for cart in self):
            raise UserError(
                self.env._(
                    "Carts under different contracts cannot be merged: %(contracts)s.",
                    contracts=", ".join(contracts.mapped("display_name")) or "-",
                )
            )
        for cart in self:
            if not cart._b2b_is_open_cart() or cart.state != "draft":
                raise UserError(cart._b2b_closed_message())
        lines = self._b2b_product_lines()
        if not lines:
            raise UserError(self.env._("These carts are empty: nothing to merge."))
        self._b2b_check_contract(contracts)
        self._b2b_lock()
        Product, Uom = self.env["product.product"], self.env["uom.uom"]
        merged, summed = merge_lines(
            ((line.product_id.id, line.product_uom_id.id), line.product_uom_qty)
            for line in lines.sorted(
                lambda line: (line.order_id.id, line.sequence, line.id)
            )
        )
        self._b2b_assert_order_rules(
            self.with_company(self[0].company_id)._b2b_check_order_rules(
                entities,
                [
                    (Product.browse(m.key[0]), m.qty, Uom.browse(m.key[1]))
                    for m in merged
                ],
                contracts,
            )
        )
        carts = self.sorted("id")
        first = carts[0]
        refs = [ref for ref in carts.mapped("client_order_ref") if ref]
        notes = [note for note in carts.mapped("b2b_note") if note]
        values = user._b2b_cart_values(entities)
        values.update(
            b2b_cart_name=" + ".join(carts.mapped(lambda c: c._b2b_cart_label()))[
                :MAX_CART_NAME
            ],
            b2b_contract_id=contracts.id,
            pricelist_id=first.pricelist_id.id,
            payment_term_id=first.payment_term_id.id,
            partner_shipping_id=first.partner_shipping_id.id,
            client_order_ref=", ".join(dict.fromkeys(refs))[:64] or False,
            b2b_note="\n".join(dict.fromkeys(notes))[:2000] or False,
            origin=", ".join(carts.mapped(lambda c: c._b2b_cart_label()))[:200],
            b2b_submit_token=token or False,
            order_line=[
                Command.create(
                    {
                        "product_id": m.key[0],
                        "product_uom_id": m.key[1],
                        "product_uom_qty": m.qty,
                    }
                )
                for m in merged
            ],
        )
        cart = self.create(values)
        # carts have no invoice to cancel: one write closes them
        self.write(
            {"state": "cancel", "b2b_merged_into_id": cart.id, "b2b_is_current": False}
        )
        user._b2b_select_cart(cart)
        return cart, summed

    def _b2b_credit_used(self):
        """Amount the entity owes or will owe: confirmed orders not invoiced
        yet and unpaid posted invoices."""
        self.ensure_one()
        entity = self.b2b_entity_id
        orders = self.search(
            [
                ("b2b_entity_id", "=", entity.id),
                ("state", "=", "sale"),
                ("id", "!=", self.id),
            ]
        )
        moves = self.env["account.move"].search(
            [
                ("commercial_partner_id", "=", entity.id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
            ]
        )
        return sum(orders.mapped("amount_to_invoice")) + sum(
            moves.mapped("amount_residual")
        )

    def _b2b_submit_order(self):
        """Confirm this order (its invoice for payment follows from the
        event ``_b2b_on_order_confirmed``); hold it for a manager instead
        when the contract's credit limit would be exceeded."""
        self.ensure_one()
        contract = self.b2b_contract_id
        if contract.credit_limit and (
            self._b2b_credit_used() + self.amount_total > contract.credit_limit
        ):
            self.write({"state": "sent", "b2b_awaiting_approval": True})
            if self.user_id:
                self.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=self.user_id.id,
                    summary=self.env._("Approve a B2B order over the credit limit"),
                )
            return
        self.action_confirm()

    def _b2b_invoice_for_payment(self):
        """The invoice for payment of this confirmed order, by Odoo's own
        invoicing (``_create_invoices``), draft or posted as configured.
        Made on the event ``_b2b_on_order_confirmed`` of a portal cart."""
        mode = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("b2b_multicart.invoice_mode", "posted")
        )
        if mode == "none" or not self._get_invoiceable_lines():
            return self.env["account.move"]
        invoice = self._create_invoices()
        if mode == "posted":
            invoice.action_post()
        return invoice

    def action_b2b_approve(self):
        """Back office: confirm a held B2B order (its invoice follows from
        the event ``_b2b_on_order_confirmed``)."""
        for order in self.filtered("b2b_awaiting_approval"):
            order.b2b_awaiting_approval = False
            order.action_confirm()

    def action_b2b_to_quotation(self):
        """Back office: turn a buyer's cart into a quotation for them."""
        for order in self:
            if not order._b2b_is_open_cart() or order.state != "draft":
                raise UserError(order._b2b_closed_message())
        self.write({"b2b_is_cart": False, "b2b_is_current": False})
        self._b2b_touch()
        self.action_quotation_sent()

    # -- reminders ---------------------------------------------------------------
    @api.model
    def _b2b_stale_days(self):
        """The configured period (days) after which an untouched cart is stale."""
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("b2b_multicart.reminder_days", "7")
        )
        try:
            return max(int(value), 1)
        except ValueError:
            return 7

    @api.model
    def _b2b_stale_carts_domain(self, days=None):
        if days is None:
            days = self._b2b_stale_days()
        limit = fields.Datetime.subtract(fields.Datetime.now(), days=days)
        return [
            ("b2b_is_cart", "=", True),
            ("state", "=", "draft"),
            ("b2b_touched", "<", limit),
            ("order_line", "!=", False),
        ]

    @api.model
    def _cron_b2b_cart_reminders(self):
        """Remind each owner of a cart untouched for N days, once per stale
        period (until the cart changes again), unless they opted out."""
        carts = self.search(
            [
                *self._b2b_stale_carts_domain(),
                ("b2b_buyer_id.b2b_cart_reminders", "=", True),
            ]
        ).filtered(
            lambda c: not c.b2b_reminder_date or c.b2b_reminder_date < c.b2b_touched
        )
        template = self.env.ref("b2b_multicart.mail_template_cart_reminder")
        for cart in carts:
            template.send_mail(
                cart.id, email_layout_xmlid="mail.mail_notification_light"
            )
        carts.write({"b2b_reminder_date": fields.Datetime.now()})
        return carts
