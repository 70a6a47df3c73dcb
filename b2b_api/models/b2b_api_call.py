import logging

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class B2bApiCall(models.Model):
    """One call made with an API key: when, what, the answer's status and
    how long it took. Written through a cursor of its own, so that a call
    whose transaction is rolled back is logged all the same."""

    _name = "b2b.api.call"
    _description = "B2B API call"
    _order = "id desc"
    _log_access = False

    key_id = fields.Many2one(
        "b2b.api.key", required=True, index=True, ondelete="cascade", readonly=True
    )
    user_id = fields.Many2one(related="key_id.user_id")
    entity_id = fields.Many2one("res.partner", readonly=True, ondelete="set null")
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    method = fields.Char(readonly=True)
    path = fields.Char(readonly=True)
    status = fields.Integer(readonly=True)
    error_code = fields.Char(readonly=True)
    duration_ms = fields.Integer(string="Duration (ms)", readonly=True)

    _key_date_idx = models.Index("(key_id, id DESC)")

    @api.model
    def _b2b_log(self, key_id, values):
        """Write one call of key ``key_id`` through a new cursor (committed
        at once, whatever becomes of the request's transaction)."""
        try:
            with self.env.registry.cursor() as cr:
                cr.execute(
                    SQL(
                        "INSERT INTO b2b_api_call (key_id, entity_id, date, method, "
                        "path, status, error_code, duration_ms) VALUES "
                        "(%s, %s, now() at time zone 'utc', %s, %s, %s, %s, %s)",
                        key_id,
                        values.get("entity_id") or None,
                        (values.get("method") or "")[:10],
                        (values.get("path") or "")[:500],
                        values.get("status"),
                        values.get("error_code") or None,
                        values.get("duration_ms"),
                    )
                )
        except Exception:  # the answer matters more than its log line
            _logger.exception("B2B API: the call could not be logged")

    @api.autovacuum
    def _gc_calls(self):
        """Calls older than the kept period (``b2b_api.log_days``, 90)."""
        days = int(
            self.env["ir.config_parameter"].sudo().get_param("b2b_api.log_days", 90)
        )
        self.env.cr.execute(
            SQL(
                "DELETE FROM b2b_api_call WHERE date < (now() at time zone 'utc') "
                "- make_interval(days => %s)",
                days,
            )
        )
