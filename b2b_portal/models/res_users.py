from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, MissingError


class ResUsers(models.Model):
    _inherit = "res.users"

    # memberships are B2B records: every internal user reads users without them
    b2b_membership_ids = fields.One2many(
        "b2b.membership",
        "user_id",
        string="B2B memberships",
        groups="base.group_portal,b2b_portal.group_b2b_user",
    )
    b2b_active_entity_id = fields.Many2one(
        "res.partner",
        string="Active legal entity",
        help="The legal entity this buyer acts for in the portal. Stored on the "
        "user, so it survives a logout and follows them to another device.",
    )

    def _b2b_entities(self):
        """Legal entities this user may act for (active memberships only)."""
        self.ensure_one()
        return (
            self.sudo()
            .b2b_membership_ids.filtered("active")
            .entity_id.sudo(self.env.su)
        )

    def _b2b_active_entity(self):
        """The entity this user acts for now, checked against memberships.

        The stored choice is used while its membership lasts; otherwise the
        first entity the user is a member of. Raises AccessError for a user
        who acts for no entity. Every portal request goes through here.
        """
        self.ensure_one()
        entities = self._b2b_entities()
        if not entities:
            raise AccessError(self.env._("You do not act for any legal entity."))
        active = self.sudo().b2b_active_entity_id
        return active.sudo(self.env.su) if active in entities else entities[0]

    def _b2b_switch_entity(self, entity):
        """Make ``entity`` the active one; refused unless a member."""
        self.ensure_one()
        if entity not in self._b2b_entities():
            raise AccessError(self.env._("You are not a member of this legal entity."))
        # the user may not write on res.users: narrow write after the check
        self.sudo().b2b_active_entity_id = entity
        return entity

    def _b2b_role(self, entity):
        self.ensure_one()
        membership = self.sudo().b2b_membership_ids.filtered(
            lambda m: m.active and m.entity_id == entity
        )
        return membership[:1].role or False

    @api.model
    def _b2b_role_capabilities(self):
        """What each membership role (``b2b.membership.role``) may do, as
        ``{role: frozenset of capabilities}``. Later addons extend it: call
        super(), then add capabilities (or roles added by ``selection_add``).

        - read: the catalog, orders and the entity's pages;
        - message: write to the entity's manager;
        - order: carts, checkout, reorder;
        - documents: the entity's invoices, credit notes and deliveries
          (lists, pages, PDFs); the portal record rules on ``account.move``
          and ``stock.picking`` (security/account_rules.xml, stock_rules.xml)
          name these roles, a test holds them together;
        - manage: colleagues and the entity's details.

        A viewer reads everything, documents included, and changes nothing;
        a buyer orders and sees their orders, not the invoices.
        """
        return {
            "owner": frozenset({"read", "message", "order", "documents", "manage"}),
            "buyer": frozenset({"read", "message", "order"}),
            "accountant": frozenset({"read", "message", "documents"}),
            "viewer": frozenset({"read", "documents"}),
        }

    @api.model
    def _b2b_roles_with(self, capability):
        """The roles whose capabilities include ``capability``."""
        return sorted(
            role
            for role, capabilities in self._b2b_role_capabilities().items()
            if capability in capabilities
        )

    def _b2b_can(self, entity, capability):
        """Whether this user's role in ``entity`` allows ``capability``
        (see ``_b2b_role_capabilities``)."""
        role = self._b2b_role(entity)
        return capability in self._b2b_role_capabilities().get(role, ())

    def _b2b_check(self, entity, capability):
        if not self._b2b_can(entity, capability):
            raise AccessError(
                self.env._(
                    "Your role in %(entity)s does not allow this.",
                    entity=entity.sudo().display_name,
                )
            )

    def _b2b_check_documents(self, partner):
        """Refuse the documents (invoices, deliveries) of ``partner``'s entity
        to a member whose role there has no "documents" capability, even with
        a token link (Odoo's order page hands out invoice and order tokens).
        Anyone else is left to Odoo: record rules, or a valid token of the
        document, as Odoo sends it to its customer."""
        self.ensure_one()
        entity = partner.sudo().commercial_partner_id
        if entity and entity in self._b2b_entities():
            self._b2b_check(entity, "documents")

    # -- the current cart (b2b_multicart overrides this seam) -----------------
    def _b2b_current_cart(self, entity, create=False):
        """The draft order "add to cart" goes to for ``entity``: one per buyer
        and entity. Created on demand with the entity's default contract."""
        self.ensure_one()
        Order = self.env["sale.order"].sudo()
        cart = Order.search(
            [
                ("b2b_is_cart", "=", True),
                ("b2b_buyer_id", "=", self.id),
                ("partner_id", "=", entity.id),
                ("state", "=", "draft"),
            ],
            order="id desc",
            limit=1,
        )
        if cart or not create:
            return cart
        return Order.create(self._b2b_cart_values(entity))

    @api.model
    def _b2b_cart_search(self, cart_id, domain):
        """The order of id ``cart_id`` (an int, or digits from a URL or a
        form) within ``domain``, as superuser; empty when there is none."""
        if isinstance(cart_id, str):
            cart_id = int(cart_id) if cart_id.isdigit() else 0
        return (
            self.env["sale.order"]
            .sudo()
            .search([("id", "=", cart_id or 0), *domain], limit=1)
        )

    def _b2b_cart_by_id(self, entity, cart_id, mode="read"):
        """The open cart ``cart_id`` (an int, or digits from a URL or a form)
        of ``entity`` that this user may ``mode`` ("read", "edit" or "own"),
        as superuser after the check: the one lookup of a cart by id for the
        portal and an API (b2b_multicart overrides it: named carts, shared
        with colleagues). Here: the buyer's own draft carts.

        :raise MissingError: no such cart for this user (a 404)
        :raise AccessError: the user may not ``mode`` it (a 403)
        """
        self.ensure_one()
        cart = self._b2b_cart_search(
            cart_id,
            [
                ("b2b_is_cart", "=", True),
                ("b2b_buyer_id", "=", self.id),
                ("partner_id", "=", entity.id),
                ("state", "=", "draft"),
            ],
        )
        if not cart or entity not in self._b2b_entities():
            raise MissingError(self.env._("This cart does not exist or is closed."))
        if mode != "read":
            self._b2b_check(entity, "order")
        return cart

    def _b2b_cart_values(self, entity):
        contract = entity._b2b_default_contract()
        pricelist = entity._b2b_pricelist(contract)
        values = {
            "partner_id": entity.id,
            "b2b_is_cart": True,
            "b2b_buyer_id": self.id,
            "company_id": (contract.company_id or self.company_id).id,
            "user_id": entity.user_id.id,
        }
        if contract:
            values["b2b_contract_id"] = contract.id
            if contract.payment_term_id:
                values["payment_term_id"] = contract.payment_term_id.id
        if pricelist:
            values["pricelist_id"] = pricelist.id
        return values

    # -- sign-up ---------------------------------------------------------------
    def _create_user_from_template(self, values):
        """Users made by the portal sign-up (and invitations that name no
        company) belong to the supplier company of the B2B settings, not to
        the portal template user's, which is the first company of the
        database: the catalog, prices and contracts are that company's."""
        company = self.env["res.company"]._b2b_signup_company()
        if company and not values.get("company_id"):
            values = dict(
                values,
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )
        return super()._create_user_from_template(values)
