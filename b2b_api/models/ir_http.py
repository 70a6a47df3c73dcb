import re

from odoo import models
from odoo.http import request

from ..tools.errors import ApiError

_BEARER = re.compile(r"^bearer\s+(\S+)\s*$", re.IGNORECASE)


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _auth_method_b2b_api(cls):
        """``auth="b2b_api"``: a suite API key in ``Authorization: Bearer``.

        The request then runs as the key's buyer (``update_env``), without
        a session; the key's id goes into the context for the framework
        (``controllers/framework.py``), which checks the rest: rate limit,
        access, entity, role. A browser session is never enough.
        """
        header = request.httprequest.headers.get("Authorization") or ""
        match = _BEARER.match(header)
        if not match:
            raise ApiError(
                401,
                "key_required",
                request.env._(
                    "Send an API key in the header “Authorization: Bearer <key>”."
                ),
            ).as_http()
        try:
            key = request.env["b2b.api.key"].sudo()._b2b_authenticate(match.group(1))
        except ApiError as error:
            raise error.as_http() from None
        request.update_env(user=key.user_id.id)
        request.update_context(b2b_api_key_id=key.id, lang=key.user_id.lang)
        request.session.can_save = False
