from . import portal
from . import catalog
from . import news
from . import entities
from . import members
