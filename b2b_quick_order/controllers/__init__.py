from . import quick_order
