"""What the documents section shows a buyer beside the documents' own data:
links to a document's actions and to the sections of other parts."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PortalLink:
    """A button or link of the documents section.

    ``label`` is already translated; ``url`` a portal path; ``primary`` draws
    it as the main action; ``badge`` a short count or state shown beside it
    ("2", "ждёт подписи"), empty for none; ``method`` "get" for a link, "post"
    for a form button (the page adds the CSRF token).
    """

    label: str
    url: str
    primary: bool = False
    badge: str = ""
    method: str = "get"
