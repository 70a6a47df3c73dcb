"""The forms of a page as a browser would send them, standard library only.

The load test's buyers submit the portal's own forms (with their CSRF token,
submit token and cart version) instead of building requests by hand, so a
form the portal changes is a form the load test follows.
"""

import dataclasses
import re
from html.parser import HTMLParser


@dataclasses.dataclass
class Form:
    action: str
    fields: list = dataclasses.field(default_factory=list)  # [(name, value)]

    def values(self, **override):
        """The fields as pairs (repeated names kept), ``override`` replacing
        or adding single values."""
        pairs = [(k, v) for k, v in self.fields if k not in override]
        return pairs + [(k, v) for k, v in override.items()]

    def get(self, name, default=None):
        return next((v for k, v in self.fields if k == name), default)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None  # [name, first value, selected value]
        self._textarea = None  # [name, text]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = Form(a.get("action") or "")
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            self._form.fields.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self._select = [name, None, None]
        elif tag == "option" and self._select is not None:
            value = a.get("value") or ""
            if self._select[1] is None:
                self._select[1] = value
            if "selected" in a:
                self._select[2] = value
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            name, first, selected = self._select
            value = selected if selected is not None else first
            if value is not None and self._form is not None:
                self._form.fields.append((name, value))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            if self._form is not None:
                self._form.fields.append(tuple(self._textarea))
            self._textarea = None


def forms(html):
    parser = _FormParser()
    parser.feed(html or "")
    parser.close()
    return parser.forms


def form(html, action):
    """The first form whose action is ``action`` (a string, or a compiled
    pattern matched in full), or None."""
    for item in forms(html):
        if isinstance(action, re.Pattern):
            if action.fullmatch(item.action):
                return item
        elif item.action == action:
            return item
    return None


def csrf_token(html):
    match = re.search(r'name="csrf_token"\s+value="([^"]+)"', html or "")
    return match.group(1) if match else None
