"""A small JSON Schema checker for the API's own schemas, no ORM.

The schemas of the endpoints are plain JSON Schema (2020-12, as OpenAPI
3.1 uses) written as dicts; this module checks a request against them and
reads query parameters from their text. It covers what the API's schemas
use: ``type`` (one or a list; ``"null"`` allowed), ``properties``,
``required``, ``additionalProperties: false``, ``items``, ``minItems``,
``maxItems``, ``minLength``, ``maxLength``, ``minimum``, ``maximum``,
``exclusiveMinimum``, ``enum`` and ``format: date-time`` / ``date``.

Errors are ``SchemaIssue`` values (a path, a code and its parameters);
the caller words them in the buyer's language.
"""

import datetime
from dataclasses import dataclass, field

CODES = (
    "type",
    "required",
    "unknown",
    "min_length",
    "max_length",
    "minimum",
    "maximum",
    "enum",
    "min_items",
    "max_items",
    "format",
)

_PY_TYPES = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "null": (type(None),),
}


@dataclass(frozen=True)
class SchemaIssue:
    """One problem of a value: ``path`` (``"lines[2].qty"``), ``code`` (one
    of ``CODES``) and ``params`` (the limit, the allowed values…)."""

    path: str
    code: str
    params: dict = field(default_factory=dict)


def _is_type(value, name):
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _PY_TYPES[name])


def _join(path, part):
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


def parse_datetime(text):
    """A ``datetime`` (naive, UTC) of an ISO 8601 text, or None."""
    try:
        value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    if value.tzinfo:
        value = value.astimezone(datetime.UTC).replace(tzinfo=None)
    return value


def validate(value, schema, path=""):
    """The list of ``SchemaIssue`` of ``value`` against ``schema``."""
    issues = []
    types = schema.get("type")
    if types:
        names = [types] if isinstance(types, str) else list(types)
        if not any(_is_type(value, name) for name in names):
            return [SchemaIssue(path, "type", {"expected": " | ".join(names)})]
    if "enum" in schema and value not in schema["enum"]:
        issues.append(SchemaIssue(path, "enum", {"allowed": list(schema["enum"])}))
    if isinstance(value, str):
        issues += _check_string(value, schema, path)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        issues += _check_number(value, schema, path)
    elif isinstance(value, list):
        issues += _check_array(value, schema, path)
    elif isinstance(value, dict):
        issues += _check_object(value, schema, path)
    return issues


def _check_string(value, schema, path):
    issues = []
    if "minLength" in schema and len(value) < schema["minLength"]:
        issues.append(SchemaIssue(path, "min_length", {"limit": schema["minLength"]}))
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        issues.append(SchemaIssue(path, "max_length", {"limit": schema["maxLength"]}))
    fmt = schema.get("format")
    if fmt == "date-time" and parse_datetime(value) is None:
        issues.append(SchemaIssue(path, "format", {"format": fmt}))
    if fmt == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            issues.append(SchemaIssue(path, "format", {"format": fmt}))
    return issues


def _check_number(value, schema, path):
    issues = []
    if "minimum" in schema and value < schema["minimum"]:
        issues.append(SchemaIssue(path, "minimum", {"limit": schema["minimum"]}))
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        limit = schema["exclusiveMinimum"]
        issues.append(SchemaIssue(path, "minimum", {"limit": limit, "exclusive": 1}))
    if "maximum" in schema and value > schema["maximum"]:
        issues.append(SchemaIssue(path, "maximum", {"limit": schema["maximum"]}))
    return issues


def _check_array(value, schema, path):
    issues = []
    if "minItems" in schema and len(value) < schema["minItems"]:
        issues.append(SchemaIssue(path, "min_items", {"limit": schema["minItems"]}))
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        # do not check the items of a list refused for its length
        return [SchemaIssue(path, "max_items", {"limit": schema["maxItems"]})]
    if "items" in schema:
        for index, item in enumerate(value):
            issues += validate(item, schema["items"], _join(path, index))
    return issues


def _check_object(value, schema, path):
    issues = []
    properties = schema.get("properties", {})
    for name in schema.get("required", ()):
        if name not in value:
            issues.append(SchemaIssue(_join(path, name), "required"))
    for name, item in value.items():
        if name in properties:
            issues += validate(item, properties[name], _join(path, name))
        elif schema.get("additionalProperties") is False:
            issues.append(SchemaIssue(_join(path, name), "unknown"))
    return issues


def parse_param(text, schema):
    """The value of a query parameter ``text`` read as its ``schema``
    says (integer, number, boolean, string), or raise ``ValueError``."""
    kind = schema.get("type", "string")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "integer":
        text = text.strip()
        if not text.lstrip("-").isdigit():
            raise ValueError(text)
        return int(text)
    if kind == "number":
        return float(text.replace(",", "."))
    if kind == "boolean":
        lowered = text.strip().lower()
        if lowered in ("1", "true", "yes"):
            return True
        if lowered in ("0", "false", "no", ""):
            return False
        raise ValueError(text)
    return text
