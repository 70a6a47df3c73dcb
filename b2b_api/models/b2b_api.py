from odoo import api, models

from ..tools.openapi import openapi_document

API_VERSION = "1.0.0"


class B2bApi(models.AbstractModel):
    """The API as a whole: its endpoints (read from the routes Odoo serves),
    its OpenAPI document and the wording of its input errors."""

    _name = "b2b.api"
    _description = "B2B API"

    @api.model
    def _b2b_endpoints(self):
        """The ``Endpoint`` of every API route of the installed addons, from
        Odoo's routing map: what is routed is what is documented (an endpoint
        whose optional addon is not installed is not)."""
        seen = {}
        for rule in self.env["ir.http"].routing_map().iter_rules():
            endpoint = getattr(rule.endpoint, "b2b_api_endpoint", None)
            if endpoint is not None and (
                not endpoint.requires or endpoint.requires in self.env
            ):
                seen[(endpoint.path, endpoint.methods)] = endpoint
        return list(seen.values())

    @api.model
    def _b2b_openapi(self, server_url=""):
        return openapi_document(
            self._b2b_endpoints(),
            title=self.env._("B2B portal API"),
            version=API_VERSION,
            server_url=server_url,
            description=self.env._(
                "The buyer's own system reads the catalog with its prices and "
                "stock and orders, as the buyer does in the portal, under the "
                "same roles and rules. Every call carries an API key made by "
                "an owner of the legal entity on the portal's API page."
            ),
        )

    @api.model
    def _b2b_issue_detail(self, issue):
        """One input error (``tools.schema.SchemaIssue``) for the answer:
        ``{"field", "code", "message"}``, the message in the buyer's
        language."""
        params = issue.params
        env = self.env
        texts = {
            "type": env._("must be of type %(expected)s"),
            "required": env._("is required"),
            "unknown": env._("is not a known field"),
            "min_length": env._("must have at least %(limit)s characters"),
            "max_length": env._("must have at most %(limit)s characters"),
            "minimum": env._("must be at least %(limit)s"),
            "maximum": env._("must be at most %(limit)s"),
            "enum": env._("must be one of %(allowed)s"),
            "min_items": env._("must have at least %(limit)s items"),
            "max_items": env._("must have at most %(limit)s items"),
            "format": env._("must be a %(format)s (ISO 8601)"),
        }
        if issue.code == "minimum" and params.get("exclusive"):
            text = env._("must be more than %(limit)s")
        else:
            text = texts.get(issue.code, env._("is not valid"))
        values = dict(params)
        if "allowed" in values:
            values["allowed"] = ", ".join(str(v) for v in values["allowed"])
        field = issue.path or env._("body")
        return {
            "field": issue.path,
            "code": issue.code,
            "message": f"{field}: {text % values}",
        }
