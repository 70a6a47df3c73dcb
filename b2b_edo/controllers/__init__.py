
from . import founding
