from . import docs
from . import catalog
from . import portal
