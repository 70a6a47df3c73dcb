"""The API's one way to declare and serve an endpoint.

``api_route`` declares an endpoint (an ``tools.openapi.Endpoint``: the
OpenAPI document is made from these declarations) and registers it as an
Odoo route with ``auth="b2b_api"`` (``models/ir_http.py``). ``serve`` runs
every call the same way: rate limit, key access, entity and role checks,
query and body checks against the declared schemas, the handler in a
savepoint (an error leaves nothing written), idempotency for the POSTs
that create or order, a JSON error in the buyer's language, the call log.
"""

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import psycopg2
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.b2b_portal.models.sale_order_rules import B2bOrderRulesError

from ..tools.errors import ApiError
from ..tools.openapi import Endpoint
from ..tools.schema import parse_param, validate

_logger = logging.getLogger(__name__)

API_PREFIX = "/b2b/api/v1"
MAX_BODY_PARAM = "b2b_api.max_body_bytes"
DEFAULT_MAX_BODY = 1024 * 1024


@dataclass
class ApiCall:
    """What a handler gets: the environment of the key's buyer, the key,
    the checked entity (empty for an endpoint without one), the query
    parameters read and checked by their schemas, the checked JSON body."""

    env: Any
    key: Any
    entity: Any
    params: dict
    body: Any
    endpoint: Endpoint
    idempotency_key: str = ""

    @property
    def user(self):
        return self.env.user


@dataclass
class ApiResponse:
    """A handler's answer when it is not a plain 200 JSON body."""

    payload: Any
    status: int = 200
    headers: dict = field(default_factory=dict)


def api_route(
    path,
    methods=("GET",),
    *,
    summary,
    description="",
    params=(),
    request_schema=None,
    response_schema=None,
    scope="read",
    capability=None,
    entity=True,
    idempotent=False,
    tags=(),
    max_body=None,
    raw_response=None,
    status=200,
    requires=None,
):
    """Declare an API endpoint on a controller method.

    The method is called as ``method(self, call, **path_args)`` with an
    ``ApiCall`` and returns a JSON-serializable value (the 200 answer), an
    ``ApiResponse``, or a werkzeug ``Response`` (files); it raises
    ``ApiError`` (or Odoo's ``UserError`` → 422, ``AccessError`` → 403,
    ``MissingError`` → 404) to refuse. ``path`` is relative to
    ``/b2b/api/v1`` and names its parameters OpenAPI's way: ``/carts/{id}``
    (declare ``Param("id", {"type": "integer"})`` in ``params`` to route it
    as an integer).

    :param scope: "read" or "order": the key access it needs
    :param capability: the role capability in the entity (default: the
        scope's: "read" or "order")
    :param entity: the call acts for an entity (X-B2B-Entity)
    :param idempotent: a POST that creates or orders: ``Idempotency-Key``
        required, answers replayed
    :param requires: the model of an optional addon the endpoint needs
        (``"b2b.quick.order"``): without that addon, 404 ``not_installed``
        and left out of the OpenAPI document
    """
    assert scope in ("read", "order"), scope
    methods = tuple(m.upper() for m in methods)

    def decorator(func):
        endpoint = Endpoint(
            path=API_PREFIX + path,
            methods=methods,
            name=func.__name__,
            summary=summary,
            description=description or (func.__doc__ or "").strip(),
            scope=scope,
            capability=capability or scope,
            entity=entity,
            idempotent=idempotent,
            params=tuple(params),
            request_schema=request_schema,
            response_schema=response_schema,
            max_body=max_body,
            tags=tuple(tags),
            raw_response=raw_response,
            status=status,
            requires=requires,
        )

        def handler(self, **kwargs):
            path_args = {name: kwargs[name] for name in endpoint.path_params}
            return serve(endpoint, lambda call: func(self, call, **path_args))

        handler.__name__ = func.__name__
        handler.__doc__ = func.__doc__
        routed = http.route(
            endpoint.odoo_path(),
            type="http",
            auth="b2b_api",
            methods=list(methods),
            csrf=False,
            save_session=False,
        )(handler)
        routed.b2b_api_endpoint = endpoint
        return routed

    return decorator


def json_response(status, payload, headers=None):
    return request.make_json_response(payload, headers=headers or {}, status=status)


def serve(endpoint, run):
    """Serve one call of ``endpoint``; ``run(call)`` is the handler."""
    started = time.monotonic()
    env = request.env
    key = env["b2b.api.key"].sudo().browse(env.context.get("b2b_api_key_id"))
    env = env(context=dict(env.context, lang=env.user.lang))
    log = {"method": request.httprequest.method, "path": request.httprequest.path}
    try:
        try:
            allowed, retry_after = env["b2b.api.rate"]._b2b_hit(key.id)
            if not allowed:
                raise ApiError(
                    429,
                    "rate_limited",
                    env._(
                        "Too many requests with this key: wait %(s)s seconds.",
                        s=retry_after,
                    ),
                    headers={"Retry-After": str(retry_after)},
                )
            if endpoint.requires and endpoint.requires not in env:
                raise ApiError(
                    404,
                    "not_installed",
                    env._("This part of the API is not available on this portal."),
                )
            key._b2b_check_scope(endpoint.scope)
            call = _prepare_call(env, key, endpoint)
            log["entity_id"] = call.entity.id
            with env.cr.savepoint():
                result = _run(call, run)
        except ApiError:
            raise
        except B2bOrderRulesError as error:
            raise ApiError(
                422, "order_rules", str(error), details=error.report.messages()
            ) from error
        except MissingError as error:
            raise ApiError(404, "not_found", str(error)) from error
        except AccessError as error:
            raise ApiError(403, "forbidden", str(error)) from error
        except (UserError, ValidationError) as error:
            raise ApiError(422, "invalid", str(error)) from error
        except HTTPException as error:
            raise ApiError(
                error.code or 400, "http_error", error.description or error.name
            ) from error
        except psycopg2.Error:
            raise  # Odoo retries serialization failures, or answers 500
        except Exception as error:
            _logger.exception("B2B API: %s failed", endpoint.path)
            raise ApiError(
                500, "internal_error", env._("Something went wrong on our side.")
            ) from error
    except ApiError as error:
        log.update(status=error.status, error_code=error.code)
        response = json_response(error.status, error.body(), error.headers)
    else:
        response = result
        log["status"] = response.status_code
    log["duration_ms"] = int((time.monotonic() - started) * 1000)
    env["b2b.api.call"]._b2b_log(key.id, log)
    return response


def _run(call, run):
    """The handler's answer as a response; idempotent ones once per key."""
    endpoint = call.endpoint

    def once():
        result = run(call)
        if isinstance(result, Response):
            raise TypeError("an idempotent endpoint answers JSON")
        if isinstance(result, ApiResponse):
            return result.status, result.payload
        return endpoint.status, result

    if endpoint.idempotent:
        status, payload, replayed = (
            call.env["b2b.api.idempotency"]
            .sudo()
            ._b2b_run(
                call.key, call.idempotency_key, request.httprequest.get_data(), once
            )
        )
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        return json_response(status, payload, headers)
    result = run(call)
    if isinstance(result, Response):
        return result
    if isinstance(result, ApiResponse):
        return json_response(result.status, result.payload, result.headers)
    return json_response(endpoint.status, result)


def _prepare_call(env, key, endpoint):
    """The checked ``ApiCall`` of this request (or ``ApiError``)."""
    httprequest = request.httprequest
    Api = env["b2b.api"]
    entity = env["res.partner"]
    if endpoint.entity:
        named = httprequest.headers.get("X-B2B-Entity") or httprequest.args.get(
            "entity"
        )
        entity = key._b2b_entity(named)
        try:
            env.user._b2b_check(entity, endpoint.capability)
        except AccessError as error:
            raise ApiError(403, "role_forbidden", str(error)) from error
    params, issues = {}, []
    for param in endpoint.query_params:
        text = httprequest.args.get(param.name)
        if text is None or text == "":
            if param.required:
                issues.extend(validate({}, {"required": [param.name]}))
            elif "default" in param.schema:
                params[param.name] = param.schema["default"]
            continue
        try:
            value = parse_param(text, param.schema)
        except ValueError:
            issues.extend(
                validate(text, {"type": param.schema.get("type")}, param.name)
            )
            continue
        found = validate(value, param.schema, param.name)
        issues.extend(found)
        if not found:
            params[param.name] = value
    body = None
    if endpoint.request_schema is not None:
        body = _read_body(env, endpoint)
        issues.extend(validate(body, endpoint.request_schema))
    if issues:
        raise ApiError(
            422,
            "invalid_request",
            env._("The request is not valid: see the details."),
            details=[Api._b2b_issue_detail(issue) for issue in issues],
        )
    idempotency_key = ""
    if endpoint.idempotent:
        idempotency_key = (httprequest.headers.get("Idempotency-Key") or "").strip()
        if not idempotency_key or len(idempotency_key) > 200:
            raise ApiError(
                400,
                "idempotency_key_required",
                env._("Send an Idempotency-Key header (a new UUID per operation)."),
            )
    return ApiCall(env, key, entity, params, body, endpoint, idempotency_key)


def _read_body(env, endpoint):
    limit = endpoint.max_body or int(
        env["ir.config_parameter"].sudo().get_param(MAX_BODY_PARAM, DEFAULT_MAX_BODY)
    )
    length = request.httprequest.content_length
    if length is not None and length > limit:
        raise _too_large(env, limit)
    data = request.httprequest.get_data(cache=True)
    if len(data) > limit:
        raise _too_large(env, limit)
    try:
        return json.loads(data or b"null")
    except (ValueError, UnicodeDecodeError) as error:
        raise ApiError(
            400, "invalid_json", env._("The body is not valid JSON.")
        ) from error


def _too_large(env, limit):
    return ApiError(
        413,
        "body_too_large",
        env._("The body is larger than %(kb)s KB.", kb=limit // 1024),
    )
