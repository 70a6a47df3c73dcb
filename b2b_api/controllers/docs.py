import json

from odoo import http
from odoo.http import request

from .framework import API_PREFIX


class B2bApiDocs(http.Controller):
    """The OpenAPI document of the API and the page that shows it: public
    (an integrator reads them before having a key), made from the
    endpoints' declarations each time."""

    @http.route(
        f"{API_PREFIX}/openapi.json",
        type="http",
        auth="public",
        methods=["GET"],
        csrf=False,
        save_session=False,
        readonly=True,
    )
    def b2b_api_openapi(self):
        document = request.env["b2b.api"]._b2b_openapi(
            request.httprequest.host_url.rstrip("/")
        )
        return request.make_json_response(document)

    @http.route(
        f"{API_PREFIX}/docs",
        type="http",
        auth="public",
        methods=["GET"],
        csrf=False,
        save_session=False,
        readonly=True,
    )
    def b2b_api_docs(self):
        document = request.env["b2b.api"]._b2b_openapi(
            request.httprequest.host_url.rstrip("/")
        )
        headers = document["components"]["parameters"]
        operations = [
            {
                "method": method.upper(),
                "path": path,
                "op": op,
                "params": [p for p in op["parameters"] if "name" in p],
                "headers": [
                    headers[p["$ref"].rsplit("/", 1)[1]]["name"]
                    for p in op["parameters"]
                    if "$ref" in p
                ],
                "request": op.get("requestBody")
                and json.dumps(
                    op["requestBody"]["content"]["application/json"]["schema"],
                    indent=2,
                    ensure_ascii=False,
                ),
                "response": json.dumps(
                    next(iter(op["responses"].values()))["content"],
                    indent=2,
                    ensure_ascii=False,
                ),
                "errors": [s for s in op["responses"] if s[0] in "45"],
            }
            for path, item in document["paths"].items()
            for method, op in item.items()
        ]
        return request.render(
            "b2b_api.api_docs",
            {"document": document, "operations": operations, "prefix": API_PREFIX},
        )
