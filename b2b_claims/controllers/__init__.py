from . import portal
from . import attachment
