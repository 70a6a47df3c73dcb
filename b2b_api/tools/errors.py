"""The error of an API call, no ORM: an HTTP status, a stable code for
programs and a message for people (already translated by whoever raises
it), with optional details and headers."""

import json

from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response


class ApiError(Exception):
    """Raised anywhere in an API call; the framework answers
    ``{"error": {"code", "message", "details"?}}`` with ``status``.

    :param status: the HTTP status (400, 401, 403, 404, 409, 413, 422, 429)
    :param code: a stable machine-readable code, e.g. ``"rate_limited"``
    :param message: the text for the buyer, in their language
    :param details: JSON-serializable details (e.g. the invalid fields)
    :param headers: extra response headers (e.g. ``Retry-After``)
    """

    def __init__(self, status, code, message, details=None, headers=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = dict(headers or {})

    def body(self):
        error = {"code": self.code, "message": self.message}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}

    def as_http(self):
        """This error as a werkzeug ``HTTPException`` carrying its JSON
        answer, for where Odoo turns exceptions into responses (the
        authentication of a route)."""
        response = Response(
            json.dumps(self.body(), ensure_ascii=False),
            status=self.status,
            headers={**self.headers, "Content-Type": "application/json; charset=utf-8"},
        )
        if self.status == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="b2b_api"'
        return HTTPException(response=response)
