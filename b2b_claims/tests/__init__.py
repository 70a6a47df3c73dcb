from . import test_claim_kernels
from . import test_claim_lines
from . import test_claim_outcomes
from . import test_claim_deadlines
from . import test_claim_management
from . import test_portal_claims
from . import test_claim_reports
from . import test_claims_tour
