from . import b2b_logistics_receipt_wizard
from . import b2b_reconciliation_wizard
from . import founding_reject_wizard
