from . import b2b_cart_share
from . import sale_order
from . import sale_order_submit
from . import res_users
from . import res_partner
from . import b2b_demo
