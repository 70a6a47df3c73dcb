from . import b2b_reconciliation_wizard
