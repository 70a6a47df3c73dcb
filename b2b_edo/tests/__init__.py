from . import test_document
from . import test_contract_kernel
from . import test_contract_template
from . import test_contract_accept
from . import test_contract_tour
from . import test_contract_demo
