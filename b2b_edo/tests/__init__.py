from . import test_document
from . import test_upd_xml
from . import test_upd_generation
from . import test_logistics_receipt
from . import test_edo_provider
from . import test_upd_portal
