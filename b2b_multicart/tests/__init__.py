from . import test_cart_lines
from . import test_carts
