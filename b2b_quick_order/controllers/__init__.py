from . import quick_order_files
