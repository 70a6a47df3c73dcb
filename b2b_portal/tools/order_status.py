"""The status of an order as a buyer understands it, no ORM.

Odoo spreads it over the order's ``state``, its ``delivery_status``
(sale_stock), its ``invoice_status`` and the payment state of its invoices;
``portal_status`` folds them into one code. The model gives the labels.
"""

# payment states of a customer invoice that count as paid
PAID_STATES = frozenset({"paid", "in_payment"})


def portal_status(
    state, is_cart=False, delivery_status=False, invoice_status=False, payment_states=()
):
    """One of cart, quotation, confirmed, partly_delivered, delivered,
    invoiced, paid, cancelled.

    ``payment_states``: payment states of the order's posted customer
    invoices (reversed ones left out). Goods come first while a delivery is
    under way; otherwise the furthest step of invoicing and payment shows, so
    an order paid in advance reads "Paid" until its goods leave.

    Sale 19 has no approval step between the quotation and the order
    (states draft, sent, sale, cancel), so there is no "waiting for approval".
    """
    if state == "cancel":
        return "cancelled"
    if state in ("draft", "sent"):
        return "cart" if is_cart else "quotation"
    if delivery_status in ("started", "partial"):
        return "partly_delivered"
    payment_states = tuple(payment_states)
    if payment_states:
        if invoice_status == "invoiced" and all(
            payment_state in PAID_STATES for payment_state in payment_states
        ):
            return "paid"
        return "invoiced"
    if delivery_status == "full":
        return "delivered"
    return "confirmed"
