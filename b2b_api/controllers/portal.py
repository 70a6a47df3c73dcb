import datetime

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity
from odoo.addons.portal.controllers.portal import CustomerPortal

KEYS_URL = "/my/b2b/api"
EXPIRY_DAYS = (30, 90, 180, 365)


class B2bApiPortal(CustomerPortal):
    """The API page of an entity's owner: make a key (shown once), list and
    revoke the keys, read their call log."""

    def _b2b_api_values(self, entity, **extra):
        Key = request.env["b2b.api.key"]
        keys = Key.search([("user_id", "=", request.env.uid)])
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="b2b_api",
            entity=entity,
            keys=keys,
            last_calls=keys._b2b_last_calls(),
            expiry_days=EXPIRY_DAYS,
            docs_url="/b2b/api/v1/docs",
            **extra,
        )
        return values

    def _b2b_api_key_of(self, key_id):
        key = request.env["b2b.api.key"].search(
            [("id", "=", key_id), ("user_id", "=", request.env.uid)]
        )
        if not key:
            raise NotFound()
        return key

    @http.route(KEYS_URL, type="http", auth="user", methods=["GET"], website=True)
    def b2b_api_keys(self, **kw):
        entity = b2b_active_entity("api")
        return request.render(
            "b2b_api.portal_b2b_api",
            self._b2b_api_values(entity, revoked=kw.get("revoked")),
        )

    @http.route(
        f"{KEYS_URL}/create", type="http", auth="user", methods=["POST"], website=True
    )
    def b2b_api_key_create(
        self, name="", access="read", days="90", scope_entity="1", **kw
    ):
        entity = b2b_active_entity("api")
        error = None
        try:
            days = int(days)
        except ValueError:
            days = 0
        if days not in EXPIRY_DAYS:
            error = request.env._("Choose the expiry from the list.")
        else:
            expiry = fields.Datetime.now() + datetime.timedelta(days=days)
            try:
                with request.env.cr.savepoint():
                    key, secret = request.env["b2b.api.key"]._b2b_create(
                        request.env.user,
                        entity,
                        name,
                        access,
                        expiry,
                        only_entity=scope_entity == "1",
                    )
            except (UserError, AccessError) as exc:
                error = str(exc)
        if error:
            values = self._b2b_api_values(entity, error=error, typed=dict(name=name))
            return request.render("b2b_api.portal_b2b_api", values, status=400)
        # the secret is shown on this answer only, never again (no redirect:
        # it must not go into a URL or the browser's history)
        values = self._b2b_api_values(entity, new_key=key, new_secret=secret)
        response = request.render("b2b_api.portal_b2b_api", values)
        response.headers["Cache-Control"] = "no-store"
        return response

    @http.route(
        f"{KEYS_URL}/<int:key_id>/revoke",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_api_key_revoke(self, key_id, **kw):
        b2b_active_entity("api")
        self._b2b_api_key_of(key_id)._b2b_revoke()
        return request.redirect(f"{KEYS_URL}?revoked=1", 303)

    @http.route(
        f"{KEYS_URL}/<int:key_id>/calls",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_api_key_calls(self, key_id, **kw):
        entity = b2b_active_entity("api")
        key = self._b2b_api_key_of(key_id)
        calls = request.env["b2b.api.call"].search([("key_id", "=", key.id)], limit=200)
        values = self._b2b_api_values(entity, key=key, calls=calls)
        return request.render("b2b_api.portal_b2b_api_calls", values)
