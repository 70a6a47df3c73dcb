"""Count the calls of a document event: the hook keeps its behaviour (the
original method runs), each call records the ids it was called on."""

from contextlib import contextmanager
from unittest.mock import patch


@contextmanager
def record_event(env, model, hook):
    """Within the block, every call of ``env[model].<hook>()`` (from any
    code path, the HTTP server's included: it shares the registry) appends
    the sorted ids of its records to the yielded list."""
    calls = []
    cls = type(env[model])
    original = getattr(cls, hook)

    def spy(records, *args, **kwargs):
        calls.append(sorted(records.ids))
        return original(records, *args, **kwargs)

    with patch.object(cls, hook, autospec=True, side_effect=spy):
        yield calls
