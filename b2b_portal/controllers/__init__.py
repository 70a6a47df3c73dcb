from . import portal
from . import news
