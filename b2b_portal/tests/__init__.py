from . import test_ru_ids
from . import test_demo_catalog
from . import test_install
from . import test_entities
from . import test_demo
from . import test_portal
from . import test_news
