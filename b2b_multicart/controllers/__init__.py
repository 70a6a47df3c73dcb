from . import carts
