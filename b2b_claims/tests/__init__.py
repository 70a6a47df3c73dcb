from . import test_claim_kernels
