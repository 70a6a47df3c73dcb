from . import test_document
from . import test_founding_checklist
from . import test_founding_flow
from . import test_founding_portal
from . import test_founding_demo
