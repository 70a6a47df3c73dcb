from . import payment_invoice
