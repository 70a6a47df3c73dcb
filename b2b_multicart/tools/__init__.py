from . import cart_lines
from . import plural
