from . import levels, order_rules
