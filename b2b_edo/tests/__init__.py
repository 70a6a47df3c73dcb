from . import test_document
from . import test_core_chain_kernel
from . import test_core_immutability
from . import test_core_chain
from . import test_core_portal
