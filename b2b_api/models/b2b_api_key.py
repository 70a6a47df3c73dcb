import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.base.models.res_users import INDEX_SIZE, KEY_CRYPT_CONTEXT

from ..tools.errors import ApiError

# the scope of the suite's keys in res.users.apikeys: never "rpc", so that
# they do not open Odoo's /json/2 nor XML-RPC
SCOPE = "b2b_api"
MAX_DAYS = 366
# the demo key of readme/USAGE.md: installed by the demo data only
DEMO_SECRET = "b2bdemo0c0ffee0000000000000000000000a1b2"


class B2bApiKey(models.Model):
    """What the suite knows of an API key beside Odoo's ``res.users.apikeys``
    row (which holds the hash): its name, access, expiry, revocation and the
    entity it is restricted to. The secret is shown once, at creation."""

    _name = "b2b.api.key"
    _description = "B2B API key"
    _order = "create_date desc, id desc"

    name = fields.Char(required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Buyer",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        help="Calls made with the key run as this buyer, under their roles.",
    )
    entity_id = fields.Many2one(
        "res.partner",
        string="Only for",
        index=True,
        ondelete="cascade",
        readonly=True,
        help="The key acts for this legal entity only. Empty: for every "
        "entity the buyer is a member of.",
    )
    access = fields.Selection(
        [("read", "Read"), ("order", "Read and order")],
        required=True,
        default="read",
        readonly=True,
    )
    expiration_date = fields.Datetime(string="Expires", required=True, readonly=True)
    revoked = fields.Boolean(readonly=True)
    revoked_date = fields.Datetime(readonly=True)
    apikey_id = fields.Integer(
        string="Odoo API key", readonly=True, index=True, copy=False
    )
    key_prefix = fields.Char(
        readonly=True, copy=False, help="The first characters of the key."
    )
    state = fields.Selection(
        [("active", "Active"), ("expired", "Expired"), ("revoked", "Revoked")],
        compute="_compute_state",
    )
    call_ids = fields.One2many("b2b.api.call", "key_id", string="Calls")

    def _compute_state(self):
        now = fields.Datetime.now()
        for key in self:
            if key.revoked:
                key.state = "revoked"
            elif key.expiration_date and key.expiration_date < now:
                key.state = "expired"
            else:
                key.state = "active"

    # -- creation ---------------------------------------------------------------
    @api.model
    def _b2b_check_can_manage(self, user, entity):
        """Refuse unless ``user`` may manage API keys of ``entity`` (the
        "api" capability of their role there)."""
        if entity not in user._b2b_entities() or not user._b2b_can(entity, "api"):
            raise AccessError(
                self.env._(
                    "Only an owner of %(entity)s manages its API keys.",
                    entity=entity.sudo().display_name,
                )
            )

    @api.model
    def _b2b_create(
        self, user, entity, name, access, expiration_date, only_entity=True
    ):
        """A new key of ``user`` made from ``entity``'s API page, after the
        checks; returns ``(key, secret)``: the secret is never stored.

        :param only_entity: the key acts for ``entity`` only
        """
        self._b2b_check_can_manage(user, entity)
        name = (name or "").strip()
        if not name:
            raise UserError(self.env._("Give the key a name."))
        if access not in dict(self._fields["access"].selection):
            raise UserError(self.env._("Choose the key's access from the list."))
        now = fields.Datetime.now()
        if not expiration_date or expiration_date <= now:
            raise UserError(self.env._("The expiry must be in the future."))
        if expiration_date > now + datetime.timedelta(days=MAX_DAYS):
            raise UserError(self.env._("A key expires within a year at most."))
        # Odoo's own keys table: the hash, the scope and the same expiry
        Apikeys = self.env["res.users.apikeys"].with_user(user).sudo()
        secret = Apikeys._generate(SCOPE, name[:100], expiration_date)
        return self._b2b_register(
            user,
            entity if only_entity else False,
            name,
            access,
            expiration_date,
            secret,
        ), secret

    @api.model
    def _b2b_register(self, user, entity, name, access, expiration_date, secret):
        apikey_id = self.env["res.users.apikeys"]._b2b_id_of(user, secret)
        return self.sudo().create(
            {
                "name": name,
                "user_id": user.id,
                "entity_id": entity and entity.id,
                "access": access,
                "expiration_date": expiration_date,
                "apikey_id": apikey_id,
                "key_prefix": secret[:INDEX_SIZE],
            }
        )

    @api.model
    def _b2b_install_key(self, user, entity, name, access, days, secret):
        """Install a key of a known ``secret`` (the demo's, documented in the
        readme), hashed as Odoo hashes its keys; nothing if it exists."""
        if self.sudo().search_count([("key_prefix", "=", secret[:INDEX_SIZE])]):
            return self.browse()
        expiration = fields.Datetime.now() + datetime.timedelta(days=days)
        self.env.cr.execute(
            SQL(
                "INSERT INTO res_users_apikeys (name, user_id, scope, "
                "expiration_date, key, index) VALUES (%s, %s, %s, %s, %s, %s)",
                name,
                user.id,
                SCOPE,
                expiration,
                KEY_CRYPT_CONTEXT.hash(secret),
                secret[:INDEX_SIZE],
            )
        )
        return self._b2b_register(user, entity, name, access, expiration, secret)

    def _b2b_revoke(self):
        """Revoke the keys: their Odoo row goes (the secret can never open
        anything again), the record stays with its call log."""
        Apikeys = self.env["res.users.apikeys"].sudo()
        for key in self.filtered(lambda k: not k.revoked):
            Apikeys.browse(key.apikey_id).exists()._remove()
            key.sudo().write({"revoked": True, "revoked_date": fields.Datetime.now()})

    def action_revoke(self):
        self._b2b_revoke()

    # -- authentication ----------------------------------------------------------
    @api.model
    def _b2b_authenticate(self, secret):
        """The key whose secret is ``secret``, checked: Odoo's row of scope
        ``b2b_api`` (hash, expiry, active user), not revoked.

        :raise ApiError: 401 with the reason where it is known
        """
        secret = (secret or "").strip()
        if len(secret) < INDEX_SIZE:
            raise ApiError(401, "invalid_key", self.env._("The API key is not valid."))
        self.env.cr.execute(
            SQL(
                "SELECT a.id, a.key FROM res_users_apikeys a "
                "JOIN res_users u ON u.id = a.user_id "
                "WHERE a.index = %s AND a.scope = %s AND u.active "
                "AND a.expiration_date >= now() at time zone 'utc'",
                secret[:INDEX_SIZE],
                SCOPE,
            )
        )
        apikey_id = next(
            (
                row[0]
                for row in self.env.cr.fetchall()
                if KEY_CRYPT_CONTEXT.verify(secret, row[1])
            ),
            None,
        )
        key = apikey_id and self.sudo().search(
            [("apikey_id", "=", apikey_id), ("revoked", "=", False)], limit=1
        )
        if key and key.expiration_date >= fields.Datetime.now():
            return key
        known = self.sudo().search([("key_prefix", "=", secret[:INDEX_SIZE])], limit=1)
        if known.revoked:
            raise ApiError(401, "key_revoked", self.env._("This API key was revoked."))
        if known and known.expiration_date < fields.Datetime.now():
            raise ApiError(401, "key_expired", self.env._("This API key has expired."))
        raise ApiError(401, "invalid_key", self.env._("The API key is not valid."))

    def _b2b_check_scope(self, scope):
        """Refuse an ``order`` endpoint to a read-only key."""
        self.ensure_one()
        if scope == "order" and self.access != "order":
            raise ApiError(
                403,
                "read_only_key",
                self.env._("This API key may read only: it cannot order."),
            )

    def _b2b_entity(self, value):
        """The entity a call acts for: ``value`` (an INN or an id, from the
        ``X-B2B-Entity`` header or the ``entity`` parameter), checked against
        the buyer's memberships and the key's restriction, as the portal's
        ``_b2b_active_entity`` checks them; the stored active entity is
        neither read nor changed.

        :raise ApiError: 403 not a member / not for this key, 422 none named
        """
        self.ensure_one()
        user = self.user_id
        entities = user._b2b_entities()
        if self.entity_id:
            entities &= self.entity_id
        value = (value or "").strip()
        if not value:
            if len(entities) == 1:
                return entities
            raise ApiError(
                422,
                "entity_required",
                self.env._(
                    "Name the legal entity (its INN or id) in the X-B2B-Entity "
                    "header: this key acts for several."
                ),
            )
        found = entities.filtered(lambda e: e.sudo().vat == value)
        if not found and value.isdigit():
            found = entities.filtered(lambda e: str(e.id) == value)
        if len(found) > 1:
            raise ApiError(
                422,
                "entity_ambiguous",
                self.env._(
                    "Several entities have the INN %(inn)s: name one by its id.",
                    inn=value,
                ),
            )
        if not found:
            raise ApiError(
                403,
                "not_a_member",
                self.env._(
                    "This key does not act for the legal entity %(entity)s.",
                    entity=value[:20],
                ),
            )
        return found

    def _b2b_last_calls(self):
        """{key id: date of its last call} in one grouped query."""
        groups = (
            self.env["b2b.api.call"]
            .sudo()
            ._read_group([("key_id", "in", self.ids)], ["key_id"], ["date:max"])
        )
        return {key.id: date for key, date in groups}

    @api.model
    def _b2b_demo_key(self):
        """The demo owner's key (b2b_buyer, owner of the first demo entity),
        of a value the readme gives: for trying the API on the demo only."""
        membership = self.env.ref("b2b_portal.membership_buyer_1_demo", False)
        if not membership:
            return
        self._b2b_install_key(
            membership.user_id,
            membership.entity_id,
            "Demo: 1C",
            "order",
            365,
            DEMO_SECRET,
        )
