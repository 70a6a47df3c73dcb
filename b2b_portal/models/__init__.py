from . import b2b_membership
from . import res_partner
from . import res_users
from . import b2b_demo
from . import product_template
from . import b2b_news
