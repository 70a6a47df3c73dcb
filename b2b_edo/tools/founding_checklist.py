"""The founding documents checklist of a legal entity, without the ORM: the
kind of entity from its INN, the status of each item from its documents,
what may be uploaded, and what still keeps the entity from ordering."""

from dataclasses import dataclass

LEGAL = "legal"
SOLE_TRADER = "sole_trader"

MISSING = "missing"
WAITING = "waiting"
ACCEPTED = "accepted"
REJECTED = "rejected"

# document states that say nothing about the item any more
_IGNORED_STATES = ("draft", "superseded", "cancelled")
_STATUS_OF_STATE = {"sent": WAITING, "accepted": ACCEPTED, "rejected": REJECTED}


def entity_kind(inn):
    """A sole trader (ИП) has a 12-digit INN, an organisation one of 10."""
    digits = "".join(ch for ch in (inn or "") if ch.isdigit())
    return SOLE_TRADER if len(digits) == 12 else LEGAL


@dataclass(frozen=True)
class ItemStatus:
    """One item of the checklist for one entity: ``status`` (missing,
    waiting, accepted, rejected), the id of the document that gives it (0
    for none) and its rejection reason."""

    item_id: int
    required: bool
    status: str = MISSING
    document_id: int = 0
    reason: str = ""

    @property
    def can_upload(self):
        """A file is taken while the item is missing or was rejected; while
        the supplier checks one, or once accepted, it is not."""
        return self.status in (MISSING, REJECTED)

    @property
    def blocks_ordering(self):
        return self.required and self.status != ACCEPTED

    @property
    def waits_for_buyer(self):
        return self.status in (MISSING, REJECTED)


def item_statuses(items, documents):
    """The status of each item.

    :param items: ``(item_id, required)`` in the checklist's order
    :param documents: ``(item_id, document_id, state, version, reason)`` of
        the entity's documents, in any order
    :return: ``list[ItemStatus]``, one per item, in the items' order; the
        newest version that is sent, accepted or rejected decides
    """
    latest = {}
    for item_id, document_id, state, version, reason in documents:
        if state in _IGNORED_STATES or state not in _STATUS_OF_STATE:
            continue
        key = (version, document_id)
        if item_id not in latest or key > latest[item_id][0]:
            latest[item_id] = (key, document_id, state, reason)
    result = []
    for item_id, required in items:
        if item_id in latest:
            _key, document_id, state, reason = latest[item_id]
            result.append(
                ItemStatus(
                    item_id,
                    bool(required),
                    _STATUS_OF_STATE[state],
                    document_id,
                    (reason or "") if state == "rejected" else "",
                )
            )
        else:
            result.append(ItemStatus(item_id, bool(required)))
    return result
