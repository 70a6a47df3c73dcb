from . import test_document
from . import test_payment_invoice_tools
from . import test_payment_invoice
from . import test_payment_invoice_portal
