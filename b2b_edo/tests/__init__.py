from . import test_document
