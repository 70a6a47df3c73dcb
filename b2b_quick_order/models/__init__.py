from . import b2b_customer_code
from . import b2b_quick_order
from . import b2b_quick_order_upload
from . import b2b_quick_order_export
from . import sale_order
from . import product_product
