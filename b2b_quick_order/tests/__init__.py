from . import test_order_text
