"""The contract between b2b_edo and an EDO operator's connector (Diadoc,
SBIS, ...): what a provider is handed and what it answers. No ORM, no
network here; ``b2b.edo.provider`` calls a connector with these.

- ``EdoOutgoing``: one document to send: the built exchange file (XML), its
  printed form, the participants' ids, and the signature the signing step
  produced (empty for the manual provider).
- ``EdoReceipt``: what the operator answered on sending: its ids of the
  message and the document, and the state.
- ``EdoStatus``: a later state of a sent document (``_b2b_edo_poll``).
"""

from dataclasses import dataclass

SENT = "sent"
DELIVERED = "delivered"
SIGNED = "signed"
REJECTED = "rejected"
ERROR = "error"
STATES = (SENT, DELIVERED, SIGNED, REJECTED, ERROR)
# a state never goes back: delivered after signed is an old message
ORDER = {SENT: 1, DELIVERED: 2, SIGNED: 3, REJECTED: 3, ERROR: 0}


@dataclass(frozen=True)
class EdoOutgoing:
    document_ref: str  # our number, e.g. "UPD-2026-00001"
    file_name: str
    content: bytes  # the exchange file (windows-1251 XML)
    sender_id: str
    recipient_id: str
    pdf: bytes = b""
    pdf_name: str = ""
    signature: bytes = b""  # detached signature of ``content`` (CMS), if any


@dataclass(frozen=True)
class EdoReceipt:
    message_id: str
    document_id: str
    state: str = SENT
    detail: str = ""


@dataclass(frozen=True)
class EdoStatus:
    document_id: str
    state: str
    detail: str = ""  # the buyer's reason of a rejection, the operator's error


def later_state(current, new):
    """The state to keep when ``new`` arrives while ``current`` is shown:
    states only move forward (sent → delivered → signed / rejected)."""
    if new not in STATES:
        raise ValueError(f"unknown EDO state {new!r}")
    if not current or ORDER[new] >= ORDER.get(current, 0):
        return new
    return current
