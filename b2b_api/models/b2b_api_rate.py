from odoo import api, fields, models
from odoo.tools import SQL

RATE_PARAM = "b2b_api.rate_limit"
DEFAULT_RATE = 60


class B2bApiRate(models.Model):
    """The calls of a key in the current minute: one row per key, one UPSERT
    per call, in a cursor of its own (never held by a long request)."""

    _name = "b2b.api.rate"
    _description = "B2B API rate counter"
    _log_access = False

    key_id = fields.Many2one(
        "b2b.api.key", required=True, ondelete="cascade", readonly=True
    )
    window_start = fields.Datetime(required=True, readonly=True)
    hits = fields.Integer(readonly=True)

    _key_uniq = models.Constraint("UNIQUE(key_id)", "One counter per key.")

    @api.model
    def _b2b_limit(self):
        value = self.env["ir.config_parameter"].sudo().get_param(RATE_PARAM)
        try:
            return max(int(value), 1) if value else DEFAULT_RATE
        except ValueError:
            return DEFAULT_RATE

    @api.model
    def _b2b_hit(self, key_id):
        """Count one call of key ``key_id``; return ``(allowed, retry_after)``:
        whether it is within the limit of this minute, and the seconds until
        the next minute starts."""
        limit = self._b2b_limit()
        with self.env.registry.cursor() as cr:
            cr.execute(
                SQL(
                    """
                    INSERT INTO b2b_api_rate (key_id, window_start, hits)
                    VALUES (%(key)s, date_trunc('minute', now() at time zone 'utc'), 1)
                    ON CONFLICT (key_id) DO UPDATE SET
                        hits = CASE
                            WHEN b2b_api_rate.window_start = EXCLUDED.window_start
                                    THEN b2b_api_rate.hits + 1 ELSE 1 END,
                        window_start = EXCLUDED.window_start
                    RETURNING hits,
                        60 - extract(second FROM now() at time zone 'utc')::int
                    """,
                    key=key_id,
                )
            )
            hits, retry_after = cr.fetchone()
        return hits <= limit, max(int(retry_after), 1)
