from . import portal
from . import catalog
