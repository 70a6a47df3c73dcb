from . import test_document
from . import test_recon_kernel
from . import test_recon_act
from . import test_recon_portal
