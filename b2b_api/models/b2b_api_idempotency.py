import hashlib
import json

import psycopg2.errors

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.errors import ApiError

KEEP_HOURS = 24
# how long a request waits for another one holding the same key
LOCK_TIMEOUT = "200ms"


class B2bApiIdempotency(models.Model):
    """The answer of a POST that created or ordered, per API key and
    ``Idempotency-Key``, kept 24 hours.

    The row is written in the request's own transaction: it commits with
    what the request made, or goes with it when the request is rolled back
    (Odoo's retry after a serialization failure starts again from nothing,
    so the retry never makes a second order). While the first request runs
    its row is locked: a second request with the same key waits briefly,
    then gets 409.
    """

    _name = "b2b.api.idempotency"
    _description = "B2B API idempotent answer"
    _log_access = False

    key_id = fields.Many2one(
        "b2b.api.key", required=True, ondelete="cascade", readonly=True
    )
    idempotency_key = fields.Char(required=True, readonly=True)
    body_sha256 = fields.Char(required=True, readonly=True)
    state = fields.Selection(
        [("running", "Running"), ("done", "Done")], required=True, readonly=True
    )
    status = fields.Integer(readonly=True)
    response = fields.Text(readonly=True)
    created = fields.Datetime(required=True, readonly=True)

    _key_uniq = models.Constraint(
        "UNIQUE(key_id, idempotency_key)", "One answer per idempotency key."
    )

    @api.model
    def _b2b_body_hash(self, body):
        return hashlib.sha256(body or b"").hexdigest()

    @api.model
    def _b2b_run(self, key, idempotency_key, body, func):
        """Run ``func()`` once for ``(key, idempotency_key)``.

        :param body: the raw request body (bytes): the same key with
            another body is refused
        :param func: returns ``(status, payload)``; it runs in this
            transaction, after the row is written
        :return: ``(status, payload, replayed)``
        :raise ApiError: 409 still running, 422 another body
        """
        digest = self._b2b_body_hash(body)
        cr = self.env.cr
        cr.execute("SELECT current_setting('lock_timeout')")
        previous = cr.fetchone()[0]
        try:
            with cr.savepoint(flush=False):
                cr.execute(
                    SQL("SELECT set_config('lock_timeout', %s, true)", LOCK_TIMEOUT)
                )
                # an answer older than the kept period is forgotten
                cr.execute(
                    SQL(
                        "DELETE FROM b2b_api_idempotency WHERE key_id = %s AND "
                        "idempotency_key = %s AND created < (now() at time zone "
                        "'utc') - make_interval(hours => %s)",
                        key.id,
                        idempotency_key,
                        KEEP_HOURS,
                    )
                )
                cr.execute(
                    SQL(
                        "INSERT INTO b2b_api_idempotency (key_id, idempotency_key, "
                        "body_sha256, state, created) VALUES (%s, %s, %s, 'running', "
                        "now() at time zone 'utc') ON CONFLICT (key_id, "
                        "idempotency_key) DO NOTHING RETURNING id",
                        key.id,
                        idempotency_key,
                        digest,
                    )
                )
                row = cr.fetchone()
                cr.execute(SQL("SELECT set_config('lock_timeout', %s, true)", previous))
        except psycopg2.errors.LockNotAvailable as error:
            raise self._b2b_running_error() from error
        if row:
            status, payload = func()
            cr.execute(
                SQL(
                    "UPDATE b2b_api_idempotency SET state = 'done', status = %s, "
                    "response = %s WHERE id = %s",
                    status,
                    json.dumps(payload, ensure_ascii=False),
                    row[0],
                )
            )
            return status, payload, False
        cr.execute(
            SQL(
                "SELECT body_sha256, state, status, response FROM b2b_api_idempotency "
                "WHERE key_id = %s AND idempotency_key = %s",
                key.id,
                idempotency_key,
            )
        )
        stored = cr.fetchone()
        if not stored or stored[1] != "done":
            raise self._b2b_running_error()
        if stored[0] != digest:
            raise ApiError(
                422,
                "idempotency_key_reused",
                self.env._(
                    "This Idempotency-Key was used for another request: use a new "
                    "key for a new operation."
                ),
            )
        return stored[2], json.loads(stored[3]), True

    def _b2b_running_error(self):
        return ApiError(
            409,
            "idempotency_key_running",
            self.env._(
                "A request with this Idempotency-Key is still running: try again "
                "in a moment."
            ),
            headers={"Retry-After": "1"},
        )

    @api.model
    def _gc_answers(self):
        """Forget the answers older than 24 hours (daily cron)."""
        self.env.cr.execute(
            SQL(
                "DELETE FROM b2b_api_idempotency WHERE created < (now() at time zone "
                "'utc') - make_interval(hours => %s)",
                KEEP_HOURS,
            )
        )
