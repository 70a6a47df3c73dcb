import datetime
import json

from odoo import fields
from odoo.tests import HttpCase

from odoo.addons.b2b_portal.tests.common import B2bCommon, B2bHttpMixin

from ..tools.schema import validate

API = "/b2b/api/v1"


class B2bApiCommon(B2bCommon):
    """B2bCommon's entities and members, with API keys.

    ``key_a`` / ``secret_a``: ``owner_a``'s read-and-order key for entity A
    (made as the portal makes it, ``b2b.api.key._b2b_create``);
    ``read_key_ab`` / ``read_secret_ab``: ``buyer_ab``'s read-only key for
    all of their entities (A as buyer, B as owner); ``secret_b``:
    ``member_b``'s key (entity B). ``issue_key`` makes more.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.key_a, cls.secret_a = cls.env["b2b.api.key"]._b2b_create(
            cls.owner_a, cls.entity_a, "ERP A", "order", cls.in_days(30)
        )
        cls.read_key_ab, cls.read_secret_ab = cls.issue_key(cls.buyer_ab, access="read")
        cls.key_b, cls.secret_b = cls.issue_key(cls.member_b, access="order")

    @classmethod
    def in_days(cls, days):
        return fields.Datetime.now() + datetime.timedelta(days=days)

    @classmethod
    def issue_key(cls, user, entity=False, access="read", days=30, name="Test key"):
        """A key of ``user`` whatever their role (``_b2b_create`` wants an
        owner): Odoo's row made by Odoo, ours beside it. ``(key, secret)``."""
        expiry = cls.in_days(days)
        secret = (
            cls.env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate("b2b_api", name, expiry)
        )
        key = cls.env["b2b.api.key"]._b2b_register(
            user, entity, name, access, expiry, secret
        )
        return key, secret


class B2bApiHttpCase(B2bApiCommon, B2bHttpMixin, HttpCase):
    """Calls the API over HTTP as an integrator's program would."""

    def api(
        self,
        method,
        path,
        secret=None,
        entity=None,
        body=None,
        headers=None,
        idempotency_key=None,
        params=None,
        raw=None,
    ):
        """``method`` ``API + path`` with ``secret`` as the bearer key (none:
        ``secret_a``; False: no key), ``entity`` in ``X-B2B-Entity`` (a record
        or a text), ``body`` as JSON (or ``raw`` bytes as they are). Returns
        the ``requests`` response."""
        headers = dict(headers or {})
        secret = self.secret_a if secret is None else secret
        if secret:
            headers["Authorization"] = f"Bearer {secret}"
        if entity is not None:
            headers["X-B2B-Entity"] = str(getattr(entity, "vat", entity) or entity.id)
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        data = raw
        if body is not None:
            data = json.dumps(body)
            headers["Content-Type"] = "application/json"
        return self.url_open(
            API + path,
            data=data,
            headers=headers,
            params=params,
            method=method,
            allow_redirects=False,
        )

    def assertError(self, response, status, code):
        """``response`` is the JSON error ``code`` with ``status``."""
        self.assertEqual(response.status_code, status, response.text[:500])
        error = response.json()["error"]
        self.assertEqual(error["code"], code, error)
        self.assertTrue(error["message"])
        return error

    def assertMatches(self, value, schema):
        """``value`` matches the endpoint's declared ``schema``."""
        self.assertEqual(validate(value, schema), [])
