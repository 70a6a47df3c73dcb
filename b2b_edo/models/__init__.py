from . import b2b_edo_chain
from . import b2b_document
from . import res_partner
from . import res_partner_bank
from . import b2b_document_payment_invoice
from . import sale_order_payment_invoice
from . import account_move_payment_invoice
from . import payment_invoice_demo
