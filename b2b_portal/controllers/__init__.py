from . import portal
from . import catalog
from . import product
from . import news
from . import orders
from . import dashboard
from . import entities
from . import members
