from . import b2b_logistics_receipt_wizard
