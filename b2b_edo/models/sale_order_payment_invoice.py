# b2b_portal's sale_order*.py hold the order; the invoice for payment that
# b2b_edo makes of a confirmed order lives here
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import payment_invoice

PAYMENT_INVOICE = "payment_invoice"
# what a change of makes a new version of the invoice for payment
ORDER_FIELDS = {
    "order_line",
    "partner_id",
    "partner_invoice_id",
    "pricelist_id",
    "b2b_contract_id",
    "payment_term_id",
    "currency_id",
}
LINE_FIELDS = {
    "product_id",
    "name",
    "product_uom_qty",
    "product_uom_id",
    "price_unit",
    "discount",
    "tax_ids",
}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # -- events ----------------------------------------------------------------
    def _b2b_on_order_confirmed(self):
        """The invoice for payment of each confirmed order (after the other
        addons' steps, so that an invoice b2b_multicart posts at checkout is
        linked at once)."""
        result = super()._b2b_on_order_confirmed()
        self._b2b_edo_payment_invoice_sync()
        return result

    def write(self, vals):
        result = super().write(vals)
        if ORDER_FIELDS.intersection(vals):
            self._b2b_edo_payment_invoice_sync()
        return result

    def _action_cancel(self):
        result = super()._action_cancel()
        # sent, or still waiting for its PDF (rendered in the background)
        self._b2b_edo_payment_invoices().filtered(
            lambda d: d.state in ("draft", "sent")
        ).action_cancel()
        return result

    # -- the documents ---------------------------------------------------------
    def _b2b_edo_payment_invoices(self):
        """The invoices for payment of these orders, every version, newest
        first (as the system: the caller checks who asks)."""
        if not self.ids:
            return self.env["b2b.document"].sudo()
        return (
            self.env["b2b.document"]
            .sudo()
            .search(
                [
                    ("order_id", "in", self.ids),
                    ("document_type", "=", PAYMENT_INVOICE),
                ],
                order="version desc, id desc",
            )
        )

    def _b2b_edo_payment_invoice_orders(self):
        """Those of these orders that get an invoice for payment: confirmed
        orders of B2B legal entities (never another customer's), from a
        supplier with the INN and the bank account its bank box prints (a
        company that did not set them up issues none)."""
        return self.filtered(
            lambda order: order.id
            and order.state == "sale"
            and order.b2b_entity_id
            and order.partner_id.commercial_partner_id._b2b_is_entity()
            and order.company_id.sudo().vat
            and order.company_id.sudo().partner_id.bank_ids
        )

    def _b2b_edo_is_paid(self):
        """Whether a payment was made on this order (its invoice paid, even
        in part, or an online payment done): its invoice for payment is then
        final."""
        self.ensure_one()
        order = self.sudo()
        invoices = order.invoice_ids.filtered(
            lambda move: move.move_type == "out_invoice" and move.state == "posted"
        )
        return any(
            move.payment_state in ("paid", "in_payment", "partial") for move in invoices
        ) or any(tx.state == "done" for tx in order.transaction_ids)

    def _b2b_edo_posted_invoice(self):
        self.ensure_one()
        return self.sudo().invoice_ids.filtered(
            lambda move: move.move_type == "out_invoice" and move.state == "posted"
        )[:1]

    def _b2b_payment_invoice_content(self):
        """What the invoice for payment prints about this order, as plain
        values (its hash decides whether a new version is due)."""
        self.ensure_one()
        order = self.sudo()
        entity = order.b2b_entity_id
        lines, taxes = [], []
        # goods and services only: no sections, notes, nor down payments (an
        # invoice of a down payment adds one to the order)
        goods = order.order_line.filtered(
            lambda ln: not ln.display_type and not ln.is_downpayment
        )
        for line in goods:
            percent = line.tax_ids.filtered(lambda tax: tax.amount_type == "percent")
            rate = percent[:1].amount if percent else None
            taxes.append((rate, line.price_total - line.price_subtotal))
            lines.append(
                {
                    "name": (line.name or line.product_id.display_name).split("\n")[0],
                    "quantity": line.product_uom_qty,
                    "unit": line.product_uom_id.name or "",
                    # prices as the buyer pays them, VAT included ("в т.ч.")
                    "price": line.price_total / line.product_uom_qty
                    if line.product_uom_qty
                    else line.price_unit,
                    "amount": line.price_total,
                }
            )
        return {
            "lines": lines,
            "vat": payment_invoice.vat_lines(taxes),
            "total": order.amount_total,
            "currency": order.currency_id.name,
            "buyer": [entity.name, entity.vat, entity.b2b_kpp],
            "contract": [order.b2b_contract_id.name, str(order.b2b_contract_id.date)],
            "terms": (
                order.b2b_contract_id.payment_term_id or order.payment_term_id
            ).id,
        }

    def _b2b_edo_payment_invoice_sync(self):
        """Make the invoice for payment of these orders, or its new version
        when what it prints changed; nothing when nothing changed, nothing
        once the order is paid. The orders' rows are locked first, so that a
        concurrent retry waits and then finds the document made (and the
        unique index on order and version refuses a second one anyway)."""
        orders = self._b2b_edo_payment_invoice_orders()
        if not orders:
            return self.env["b2b.document"]
        self.env.execute_query(
            SQL(
                "SELECT id FROM sale_order WHERE id IN %s FOR UPDATE",
                tuple(orders.ids),
            )
        )
        latest = {}
        for document in orders._b2b_edo_payment_invoices():
            latest.setdefault(document.order_id, document)
        made = self.env["b2b.document"].sudo()
        for order in orders:
            last = latest.get(order)
            if last and order._b2b_edo_is_paid():
                continue
            digest = payment_invoice.content_hash(order._b2b_payment_invoice_content())
            if last and last.state != "cancelled" and last.b2b_content_hash == digest:
                continue
            made |= order._b2b_edo_payment_invoice_make(last, digest)
        return made

    def _b2b_edo_payment_invoice_make(self, last, digest):
        """A new invoice for payment of this order (version after ``last``),
        numbered; its PDF rendered and stored and the document sent to the
        buyer now, or by the cron worker once this transaction commits
        (``b2b.document._b2b_edo_render_in_background``)."""
        self.ensure_one()
        order = self.sudo()
        values = {
            "document_type": PAYMENT_INVOICE,
            "company_id": order.company_id.id,
            "entity_id": order.b2b_entity_id.id,
            "contract_id": order.b2b_contract_id.id,
            "order_id": order.id,
            "invoice_id": order._b2b_edo_posted_invoice().id,
            "direction": "outgoing",
            "date": fields.Date.context_today(self),
            "b2b_content_hash": digest,
        }
        if last:
            document = last._b2b_new_version(values)
        else:
            document = self.env["b2b.document"].sudo().create(values)
        document._b2b_assign_number()
        if document._b2b_edo_render_in_background():
            document._b2b_edo_render_later()
        else:
            document._b2b_payment_invoice_render()
        return document


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.order_id._b2b_edo_payment_invoice_sync()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if LINE_FIELDS.intersection(vals):
            self.order_id._b2b_edo_payment_invoice_sync()
        return result

    def unlink(self):
        orders = self.order_id
        result = super().unlink()
        orders.exists()._b2b_edo_payment_invoice_sync()
        return result
