from . import test_kernels
from . import test_auth
from . import test_idempotency
from . import test_openapi
from . import test_catalog
from . import test_portal_keys
from . import test_api_carts
from . import test_api_orders
