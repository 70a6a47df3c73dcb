from . import documents
from . import upd
