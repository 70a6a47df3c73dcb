from . import upd
