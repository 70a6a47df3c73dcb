"""The declaration of an API endpoint and the OpenAPI 3.1 document made
from the declarations, no ORM.

Every route of the API is declared once, with ``controllers.framework.
api_route``, as an ``Endpoint``; the document at
``/b2b/api/v1/openapi.json`` is built here from the endpoints of the routes
Odoo serves, never kept by hand.
"""

import re
from dataclasses import dataclass

ERROR_STATUSES = {
    "400": "Malformed request (not JSON, bad header)",
    "401": "No API key, or an unknown, expired or revoked one",
    "403": "The key or the buyer's role does not allow this",
    "404": "Not found (or not visible to this buyer)",
    "409": "A request with this Idempotency-Key is still running",
    "413": "The request body is too large",
    "422": "Invalid input (details name the fields)",
    "429": "Too many requests for this key (see Retry-After)",
}

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "description": "Stable machine code"},
                "message": {
                    "type": "string",
                    "description": "Text in the buyer's language",
                },
                "details": {"description": "What exactly was wrong, if known"},
            },
        }
    },
}

_PATH_PARAM = re.compile(r"\{(\w+)\}")
_CONVERTERS = {"integer": "int", "string": "string"}


@dataclass(frozen=True)
class Param:
    """A query (or path) parameter: ``name``, JSON ``schema``,
    ``description``, ``required``."""

    name: str
    schema: dict
    description: str = ""
    required: bool = False


@dataclass(frozen=True)
class Endpoint:
    """One operation of the API as its decorator declared it.

    :ivar path: the OpenAPI path, ``/b2b/api/v1/catalog/{sku}``
    :ivar methods: HTTP methods, e.g. ``("GET",)``
    :ivar name: the Python name of the handler (the operationId)
    :ivar summary: one line for the documentation
    :ivar scope: ``"read"`` or ``"order"``: which keys may call it
    :ivar capability: the membership capability the buyer's role needs in
        the entity (``res.users._b2b_role_capabilities``)
    :ivar entity: whether the call acts for an entity (``X-B2B-Entity``)
    :ivar idempotent: a POST that creates or orders: ``Idempotency-Key``
    :ivar params: query parameters and path parameters (``Param``)
    :ivar request_schema: JSON Schema of the body (None: no body)
    :ivar response_schema: JSON Schema of the 200 answer
    :ivar max_body: largest body accepted, in bytes (None: the setting)
    :ivar tags: groups of the documentation
    :ivar raw_response: a file answer (PDF, XML), not JSON
    :ivar requires: a model an optional addon brings (``"b2b.claim"``):
        without it the endpoint answers 404 and is not documented
    """

    path: str
    methods: tuple
    name: str
    summary: str
    description: str = ""
    scope: str = "read"
    capability: str = "read"
    entity: bool = True
    idempotent: bool = False
    params: tuple = ()
    request_schema: dict | None = None
    response_schema: dict | None = None
    max_body: int | None = None
    tags: tuple = ()
    raw_response: str | None = None
    status: int = 200
    requires: str | None = None

    @property
    def path_params(self):
        return tuple(_PATH_PARAM.findall(self.path))

    @property
    def query_params(self):
        names = set(self.path_params)
        return tuple(p for p in self.params if p.name not in names)

    def param(self, name):
        return next((p for p in self.params if p.name == name), None)

    def odoo_path(self):
        """The path as Odoo (werkzeug) routes it: ``<string:sku>``."""

        def converter(match):
            param = self.param(match.group(1))
            kind = param.schema.get("type") if param else "string"
            return f"<{_CONVERTERS.get(kind, 'string')}:{match.group(1)}>"

        return _PATH_PARAM.sub(converter, self.path)


def _operation(endpoint, method):
    parameters = []
    for name in endpoint.path_params:
        param = endpoint.param(name) or Param(name, {"type": "string"})
        parameters.append(
            {
                "name": name,
                "in": "path",
                "required": True,
                "description": param.description,
                "schema": param.schema,
            }
        )
    for param in endpoint.query_params:
        parameters.append(
            {
                "name": param.name,
                "in": "query",
                "required": param.required,
                "description": param.description,
                "schema": param.schema,
            }
        )
    if endpoint.entity:
        parameters.append({"$ref": "#/components/parameters/Entity"})
    if endpoint.idempotent:
        parameters.append({"$ref": "#/components/parameters/IdempotencyKey"})
    if endpoint.raw_response:
        content = {
            endpoint.raw_response: {
                "schema": {"type": "string", "contentEncoding": "binary"}
            }
        }
    else:
        content = {
            "application/json": {"schema": endpoint.response_schema or {}},
        }
    responses = {str(endpoint.status): {"description": "Success", "content": content}}
    for status in ERROR_STATUSES:
        if status == "409" and not endpoint.idempotent:
            continue
        if status == "413" and endpoint.request_schema is None:
            continue
        responses[status] = {"$ref": f"#/components/responses/E{status}"}
    scope = "read" if endpoint.scope == "read" else "read and order"
    description = endpoint.description or endpoint.summary
    operation = {
        "operationId": endpoint.name
        if len(endpoint.methods) == 1
        else (f"{endpoint.name}_{method.lower()}"),
        "summary": endpoint.summary,
        "description": (
            f"{description}\n\nKey access: {scope}; the buyer's role needs "
            f"`{endpoint.capability}` in the entity."
            if endpoint.entity
            else f"{description}\n\nKey access: {scope}."
        ),
        "tags": list(endpoint.tags),
        "parameters": parameters,
        "responses": responses,
        "x-b2b-scope": endpoint.scope,
    }
    if endpoint.request_schema is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": endpoint.request_schema}},
        }
    return operation


def openapi_document(endpoints, title, version, server_url="", description=""):
    """The OpenAPI 3.1 document (a dict) of ``endpoints``."""
    paths = {}
    for endpoint in sorted(endpoints, key=lambda e: (e.path, e.methods)):
        item = paths.setdefault(endpoint.path, {})
        for method in endpoint.methods:
            item[method.lower()] = _operation(endpoint, method)
    tags = sorted({tag for e in endpoints for tag in e.tags})
    document = {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version, "description": description},
        "tags": [{"name": tag} for tag in tags],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "apiKey": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key made on the portal's API page",
                }
            },
            "parameters": {
                "Entity": {
                    "name": "X-B2B-Entity",
                    "in": "header",
                    "required": False,
                    "description": "The legal entity the call acts for: its INN "
                    "or its id (from GET /b2b/api/v1/entities). May be left out "
                    "when the key or the buyer has one entity only; the query "
                    "parameter `entity` is read as well.",
                    "schema": {"type": "string", "maxLength": 20},
                },
                "IdempotencyKey": {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": True,
                    "description": "A unique value per operation (a UUID): the "
                    "same key with the same body replays the first answer for "
                    "24 hours; with another body it is refused (422).",
                    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
                },
            },
            "schemas": {"Error": ERROR_SCHEMA},
            "responses": {
                f"E{status}": {
                    "description": text,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Error"}
                        }
                    },
                }
                for status, text in ERROR_STATUSES.items()
            },
        },
        "security": [{"apiKey": []}],
    }
    if server_url:
        document["servers"] = [{"url": server_url}]
    return document
