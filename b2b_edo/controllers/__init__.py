from . import documents
from . import upd

from . import recon
