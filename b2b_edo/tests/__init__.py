from . import test_document
from . import test_core_chain_kernel
from . import test_core_immutability
from . import test_core_chain
from . import test_core_portal
from . import test_core_mail
from . import test_core_rpc
from . import test_core_back_office
