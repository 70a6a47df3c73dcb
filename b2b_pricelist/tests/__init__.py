from . import (
    test_kernels,
    test_price_types,
    test_pricing_service,
    test_resolution,
)
