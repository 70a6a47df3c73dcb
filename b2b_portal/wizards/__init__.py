from . import b2b_entity_reject
from . import b2b_change_request_reject
