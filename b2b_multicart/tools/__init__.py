from . import cart_lines
