from odoo import api, models
from odoo.tools import SQL

from odoo.addons.base.models.res_users import INDEX_SIZE, KEY_CRYPT_CONTEXT


class ResUsersApikeys(models.Model):
    _inherit = "res.users.apikeys"

    @api.model
    def _b2b_id_of(self, user, secret):
        """The id of ``user``'s key whose secret is ``secret`` (just made
        by ``_generate``, which returns the secret only)."""
        self.env.cr.execute(
            SQL(
                "SELECT id, key FROM res_users_apikeys WHERE user_id = %s "
                "AND index = %s ORDER BY id DESC",
                user.id,
                secret[:INDEX_SIZE],
            )
        )
        return next(
            (
                row[0]
                for row in self.env.cr.fetchall()
                if KEY_CRYPT_CONTEXT.verify(secret, row[1])
            ),
            0,
        )
