from . import b2b_edo_chain
from . import b2b_document
from . import res_partner
from . import b2b_document_reconciliation
from . import b2b_document_debt
from . import report_b2b_edo
from . import res_partner_debt
from . import res_users_recon
