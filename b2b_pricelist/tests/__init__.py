from . import (
    test_back_office,
    test_demo,
    test_fixation,
    test_kernels,
    test_levels,
    test_order_rules,
    test_portal,
    test_price_types,
    test_pricing_service,
    test_resolution,
    test_tour,
)
from . import test_catalog_sort
