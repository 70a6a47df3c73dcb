from . import quick_order
from . import quick_order_files
