from . import b2b_entity_reject
