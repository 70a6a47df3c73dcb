from . import b2b_cart_share
from . import b2b_cart_submission
from . import sale_order
from . import res_users
from . import res_partner
from . import b2b_demo
