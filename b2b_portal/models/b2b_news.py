from odoo import Command, api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain


class B2bNews(models.Model):
    _name = "b2b.news"
    _inherit = ["mail.thread"]
    _description = "B2B portal news"
    _order = "date desc, id desc"

    name = fields.Char(string="Title", required=True, translate=True, tracking=True)
    body = fields.Html(translate=True, sanitize=True)
    date = fields.Datetime(
        string="Publication date",
        required=True,
        default=fields.Datetime.now,
        index=True,
    )
    date_start = fields.Datetime(
        string="Published from",
        help="Shown in the portal from this moment on; empty: at once.",
    )
    date_end = fields.Datetime(
        string="Published until",
        help="Hidden from the portal after this moment; empty: never.",
    )
    category_ids = fields.Many2many(
        "res.partner.category",
        "b2b_news_res_partner_category_rel",
        "news_id",
        "category_id",
        string="Customer groups",
        help="Legal entities of these groups see the news; empty: every buyer.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "b2b_news_ir_attachment_rel",
        "news_id",
        "attachment_id",
        string="Files",
        help="Files buyers may download from the news.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, default=lambda self: self.env.company
    )
    # Who read what is the supplier's business, not other buyers': the
    # portal learns its own state through b2b_is_read.
    read_user_ids = fields.Many2many(
        "res.users",
        "b2b_news_res_users_read_rel",
        "news_id",
        "user_id",
        string="Read by",
        copy=False,
        groups="b2b_portal.group_b2b_user",
    )
    b2b_is_read = fields.Boolean(
        string="Read",
        compute="_compute_b2b_is_read",
        search="_search_b2b_is_read",
        help="Whether the current user has read the news.",
    )

    def _b2b_read_by_me_domain(self):
        return Domain("read_user_ids", "in", self.env.uid)

    @api.depends_context("uid")
    def _compute_b2b_is_read(self):
        # sudo: read_user_ids is hidden from buyers; only the current user's
        # own reads are looked at.
        read = set(
            self.sudo()
            .with_context(active_test=False)
            .search(Domain("id", "in", self.ids) & self._b2b_read_by_me_domain())
            .ids
        )
        for news in self:
            news.b2b_is_read = news.id in read

    def _search_b2b_is_read(self, operator, value):
        if operator != "in":
            return NotImplemented
        # sudo: the subquery only selects the news the current user has read
        read = (
            self.sudo()
            .with_context(active_test=False)
            ._search(self._b2b_read_by_me_domain())
        )
        return Domain("id", "in", read)

    @api.model_create_multi
    def create(self, vals_list):
        news = super().create(vals_list)
        news._b2b_link_attachments()
        return news

    def write(self, vals):
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._b2b_link_attachments()
        return res

    def _b2b_link_attachments(self):
        """Tie fresh uploads to their news, so that whoever may read the news
        may download its files (ir.attachment checks the linked record)."""
        for news in self:
            news.attachment_ids.filtered(
                lambda a: not a.res_id and a.res_model in (False, self._name)
            ).write({"res_model": self._name, "res_id": news.id})

    @api.model
    def _b2b_domain_for(self, entity):
        """News ``entity`` sees now: active, inside the publish window (empty
        bounds are open), untargeted or targeted at one of its groups."""
        now = fields.Datetime.now()
        # sudo: a buyer may not read customer groups, only their ids matter
        categories = entity.sudo().category_id
        return (
            Domain("active", "=", True)
            & (Domain("date_start", "=", False) | Domain("date_start", "<=", now))
            & (Domain("date_end", "=", False) | Domain("date_end", ">=", now))
            & (
                Domain("category_ids", "=", False)
                | Domain("category_ids", "in", categories.ids)
            )
        )

    @api.model
    def _b2b_news_page(self, entity, offset=0, limit=None):
        """News ``entity`` sees, unread first, then by date; as the current
        user, so the record rules apply. Two queries, whatever the page."""
        domain = self._b2b_domain_for(entity)
        unread_domain = domain & Domain("b2b_is_read", "=", False)
        unread_count = self.search_count(unread_domain)
        news = self.browse()
        if offset < unread_count:
            news = self.search(unread_domain, offset=offset, limit=limit)
        if limit is None or len(news) < limit:
            news |= self.search(
                domain & Domain("b2b_is_read", "=", True),
                offset=max(0, offset - unread_count),
                limit=None if limit is None else limit - len(news),
            )
        return news

    @api.model
    def _b2b_unread_count(self, entity):
        return self.search_count(
            self._b2b_domain_for(entity) & Domain("b2b_is_read", "=", False)
        )

    def _b2b_mark_read(self, entity):
        """Mark these news read by the current user, who must see them all
        as ``entity`` (record rules included)."""
        visible = self.search(
            self._b2b_domain_for(entity) & Domain("id", "in", self.ids)
        )
        if visible != self or entity not in self.env.user._b2b_entities():
            raise AccessError(self.env._("You cannot read this news."))
        unread = visible.filtered(lambda news: not news.b2b_is_read)
        # a buyer may not write on news: narrow write after the check
        unread.sudo().write({"read_user_ids": [Command.link(self.env.uid)]})
        return True
