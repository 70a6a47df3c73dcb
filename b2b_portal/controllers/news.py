from werkzeug.exceptions import NotFound

from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import b2b_active_entity


class B2bNewsPortal(CustomerPortal):
    """News of the supplier, as the buyer's ACTIVE entity sees them."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "b2b_news_count" in counters:
            News = request.env["b2b.news"]
            try:
                entity = request.env.user._b2b_active_entity()
            except AccessError:
                entity = None
            values["b2b_news_count"] = (
                News._b2b_unread_count(entity)
                if entity and News.has_access("read")
                else 0
            )
        return values

    @route(
        ["/my/b2b/news", "/my/b2b/news/page/<int:page>"],
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_b2b_news(self, page=1, **kw):
        entity = b2b_active_entity("read")
        News = request.env["b2b.news"]
        values = self._prepare_portal_layout_values()
        pager = portal_pager(
            url="/my/b2b/news",
            total=News.search_count(News._b2b_domain_for(entity)),
            page=page,
            step=self._items_per_page,
        )
        values.update(
            {
                "page_name": "b2b_news",
                "b2b_entity": entity,
                "pager": pager,
                # searched as the user: the record rules apply on top of the
                # active entity's filter
                "news_list": News._b2b_news_page(
                    entity, offset=pager["offset"], limit=self._items_per_page
                ),
                "default_url": "/my/b2b/news",
            }
        )
        return request.render("b2b_portal.portal_my_b2b_news", values)

    @route(
        "/my/b2b/news/<int:news_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_b2b_news_page(self, news_id, **kw):
        entity = b2b_active_entity("read")
        News = request.env["b2b.news"]
        news = News.search(
            News._b2b_domain_for(entity) & Domain("id", "=", news_id), limit=1
        )
        if not news:
            # another group's, outside its window or unknown: all look alike
            raise NotFound()
        news._b2b_mark_read(entity)
        # Buyers have no access to ir.attachment: once the news is known to be
        # visible, each file gets a signed, time-limited download token, as
        # the portal chatter does for its attachments.
        files = [
            (attachment, attachment._get_raw_access_token())
            for attachment in news.sudo().attachment_ids
        ]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_news",
                "b2b_entity": entity,
                "news": news,
                "files": files,
            }
        )
        return request.render("b2b_portal.portal_b2b_news_page", values)
