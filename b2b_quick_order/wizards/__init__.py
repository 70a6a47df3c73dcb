from . import b2b_quick_order_wizard_line
from . import b2b_quick_order_wizard
