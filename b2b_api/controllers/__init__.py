from . import docs
from . import catalog
from . import portal
from . import carts
from . import orders
from . import quick_order
from . import documents
from . import claims
