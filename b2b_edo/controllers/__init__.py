from . import documents
from . import upd
from . import recon
from . import payment_invoice
from . import contract_accept
from . import founding
