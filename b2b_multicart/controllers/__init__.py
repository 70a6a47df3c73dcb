from . import carts
from . import cart_page
from . import checkout
