from . import b2b_edo_chain
from . import b2b_document
from . import ir_attachment
from . import res_partner
