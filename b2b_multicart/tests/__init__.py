from . import test_cart_lines
from . import test_carts
from . import test_cart_changes
from . import test_submit
from . import test_portal_carts
from . import test_queries
from . import test_concurrency
from . import test_reminders
