"""Contract templates: which placeholders a manager may write, checked
before anything is rendered. Plain Python, no ORM.

A template is a QWeb fragment. It may print the supplier's and the
entity's requisites and the contract's terms (``PLACEHOLDERS``) with
``t-out``, test them with ``t-if`` / ``t-elif`` / ``t-else``, loop with
``t-foreach`` / ``t-as``, name values with ``t-set`` / ``t-value`` and build
attributes with ``t-att-*`` / ``t-attf-*``. Nothing else: no calls, no
subscripts, no other template (``t-call``), no unescaped output
(``t-raw``), so a template cannot reach the database.

``check_template(source)`` returns a list of ``TemplateError`` (empty: the
template is fine): ``syntax`` (not well-formed), ``directive`` (a directive
not allowed), ``expression`` (an expression not allowed or not Python) and
``placeholder`` (an unknown name).
"""

import ast
import re
from dataclasses import dataclass

from lxml import etree, html

_PARTY = (
    "name",
    "inn",
    "kpp",
    "ogrn",
    "address",
    "bank_name",
    "bic",
    "bank_account",
    "corr_account",
    "signatory_name",
    "signatory_position",
)
PLACEHOLDERS = {
    "supplier": _PARTY,
    "entity": _PARTY,
    "contract": (
        "number",
        "date",
        "payment_term",
        "delivery_terms",
        "credit_limit",
        "currency",
        "date_start",
        "date_end",
        "validity",
    ),
}
_EXPRESSION_DIRECTIVES = ("t-out", "t-esc", "t-if", "t-elif", "t-foreach", "t-value")
_PLAIN_DIRECTIVES = ("t-else", "t-as", "t-set")
_FORMAT_RE = re.compile(r"\{\{(.*?)\}\}|#\{(.*?)\}", re.S)
_ALLOWED_NODES = (
    ast.Expression,
    ast.Name,
    ast.Load,
    ast.Attribute,
    ast.Constant,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.Compare,
    ast.Eq,
    ast.NotEq,
    ast.Gt,
    ast.GtE,
    ast.Lt,
    ast.LtE,
    ast.IfExp,
    ast.BinOp,
    ast.Add,
    ast.Tuple,
    ast.List,
)


@dataclass(frozen=True)
class TemplateError:
    code: str
    detail: str


def _expressions(element):
    """(directive, expression) pairs of ``element``; format strings give
    each ``{{ }}`` part."""
    for name, value in element.attrib.items():
        if name in _EXPRESSION_DIRECTIVES or (
            name.startswith("t-att-") and name != "t-att-"
        ):
            yield name, value
        elif name.startswith("t-attf-"):
            for match in _FORMAT_RE.finditer(value):
                yield name, match.group(1) or match.group(2)


def _check_expression(expression, local_names):
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError:
        return [TemplateError("expression", expression)]
    errors = []
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            return [TemplateError("expression", expression)]
        if isinstance(node, ast.Attribute):
            if not isinstance(node.value, ast.Name):
                return [TemplateError("expression", expression)]
            namespace = node.value.id
            if namespace in PLACEHOLDERS and node.attr not in PLACEHOLDERS[namespace]:
                errors.append(TemplateError("placeholder", f"{namespace}.{node.attr}"))
        elif isinstance(node, ast.Name):
            if node.id not in PLACEHOLDERS and node.id not in local_names:
                errors.append(TemplateError("placeholder", node.id))
    return errors


def check_template(source):
    """The errors of the template ``source`` (a QWeb fragment), in order."""
    if not (source or "").strip():
        return [TemplateError("syntax", "")]
    try:
        root = html.fragment_fromstring(source, create_parent="div")
    except (etree.ParserError, ValueError) as error:
        return [TemplateError("syntax", str(error))]
    local_names = set()
    for element in root.iter():
        for name in ("t-set", "t-as"):
            if element.get(name):
                local_names.add(element.get(name).strip())
                if name == "t-as":
                    local_names.add(element.get(name).strip() + "_index")
    errors = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in element.attrib:
            if not name.startswith("t-"):
                continue
            allowed = (
                name in _EXPRESSION_DIRECTIVES
                or name in _PLAIN_DIRECTIVES
                or name.startswith(("t-att-", "t-attf-"))
            )
            if not allowed:
                errors.append(TemplateError("directive", name))
        for _name, expression in _expressions(element):
            errors.extend(_check_expression(expression, local_names))
    return list(dict.fromkeys(errors))
