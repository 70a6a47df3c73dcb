from . import portal
from . import catalog
from . import news
from . import orders
from . import dashboard
