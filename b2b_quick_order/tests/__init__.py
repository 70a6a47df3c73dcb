from . import test_order_text
from . import test_order_file
from . import test_resolve
from . import test_portal_quick_order
from . import test_order_template
from . import test_quick_order_files
from . import test_quick_order_wizard
from . import test_quick_order_preview
