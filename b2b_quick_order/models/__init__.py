from . import b2b_customer_code
