from . import carts
from . import checkout
