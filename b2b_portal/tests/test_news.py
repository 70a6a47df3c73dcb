import html
import re
from datetime import timedelta
from urllib.parse import urlsplit

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import B2bCommon
from .pager import PagerWalkMixin


class B2bNewsCommon(B2bCommon):
    """News for everyone, for the wholesale group (entity A) and for the
    retail group (entity B); ``buyer_b`` acts for entity B only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_retail = cls.env["res.partner.category"].create(
            {"name": "Retail", "partner_ids": [Command.link(cls.entity_b.id)]}
        )
        cls.now = fields.Datetime.now()
        manager_env = cls.env(user=cls.manager)
        # uploaded as the form's file widget does: not yet tied to a record
        cls.price_file = manager_env["ir.attachment"].create(
            {
                "name": "wholesale-prices.csv",
                "raw": b"sku;price\nA-1;100\n",
                "res_model": "b2b.news",
            }
        )
        cls.news_all, cls.news_wholesale, cls.news_retail = manager_env[
            "b2b.news"
        ].create(
            [
                {
                    "name": "Warehouse closed on holidays",
                    "body": "<p>Closed from 1 to 3 January.</p>",
                    "date": cls.now - timedelta(days=3),
                },
                {
                    "name": "Wholesale price list 2026",
                    "body": "<p>New wholesale prices attached.</p>",
                    "date": cls.now - timedelta(days=2),
                    "category_ids": [Command.link(cls.group_wholesale.id)],
                    "attachment_ids": [Command.link(cls.price_file.id)],
                },
                {
                    "name": "Retail promo week",
                    "date": cls.now - timedelta(days=1),
                    "category_ids": [Command.link(cls.group_retail.id)],
                },
            ]
        )
        cls.all_news = cls.news_all | cls.news_wholesale | cls.news_retail

    def _visible(self, user, entity):
        """News ``user`` sees as ``entity`` (rules and entity filter)."""
        News = self.env["b2b.news"].with_user(user)
        return News.search(
            News._b2b_domain_for(entity) & Domain("id", "in", self.all_news.ids)
        )


class TestNews(B2bNewsCommon):
    """Targeting, publish window, read state and the portal rule."""

    def test_targeted_news_seen_by_the_group_only(self):
        self.assertEqual(
            self._visible(self.buyer_a, self.entity_a),
            self.news_all | self.news_wholesale,
        )
        self.assertEqual(
            self._visible(self.buyer_b, self.entity_b),
            self.news_all | self.news_retail,
        )
        # a buyer of both entities sees per entity, not the union
        self.assertEqual(
            self._visible(self.buyer_ab, self.entity_b),
            self.news_all | self.news_retail,
        )

    def test_untargeted_news_seen_by_everyone(self):
        for user, entity in [
            (self.buyer_a, self.entity_a),
            (self.buyer_ab, self.entity_a),
            (self.buyer_ab, self.entity_b),
            (self.buyer_b, self.entity_b),
        ]:
            with self.subTest(user=user.login, entity=entity.name):
                self.assertIn(self.news_all, self._visible(user, entity))

    def test_publish_window_and_archive(self):
        day = timedelta(days=1)
        cases = [
            ({"date_start": self.now + day}, False),
            ({"date_start": self.now - day}, True),
            ({"date_end": self.now - day}, False),
            ({"date_end": self.now + day}, True),
            ({"date_start": self.now - 2 * day, "date_end": self.now + day}, True),
            ({"date_start": self.now - 2 * day, "date_end": self.now - day}, False),
            ({"active": False}, False),
        ]
        for vals, visible in cases:
            with self.subTest(vals=vals):
                self.news_all.write(
                    {"date_start": False, "date_end": False, "active": True, **vals}
                )
                self.assertEqual(
                    self.news_all in self._visible(self.buyer_a, self.entity_a),
                    visible,
                )

    def test_unread_first_then_by_date(self):
        News = self.env["b2b.news"].with_user(self.buyer_a)
        newest = self.env["b2b.news"].create({"name": "Newest", "date": self.now})
        self.assertEqual(
            list(News._b2b_news_page(self.entity_a)),
            [newest, self.news_wholesale, self.news_all],
        )
        self.assertEqual(News._b2b_unread_count(self.entity_a), 3)

        self.news_wholesale.with_user(self.buyer_a)._b2b_mark_read(self.entity_a)
        self.assertEqual(News._b2b_unread_count(self.entity_a), 2)
        self.assertEqual(
            list(News._b2b_news_page(self.entity_a)),
            [newest, self.news_all, self.news_wholesale],
        )
        # pages cut across the unread / read boundary
        pages = {
            (0, 2): [newest, self.news_all],
            (1, 1): [self.news_all],
            (1, 2): [self.news_all, self.news_wholesale],
            (2, 1): [self.news_wholesale],
            (3, 1): [],
        }
        for (offset, limit), expected in pages.items():
            with self.subTest(offset=offset, limit=limit):
                self.assertEqual(
                    list(
                        News._b2b_news_page(self.entity_a, offset=offset, limit=limit)
                    ),
                    expected,
                )
        # read state is per user
        self.assertEqual(
            self.env["b2b.news"]
            .with_user(self.buyer_ab)
            ._b2b_unread_count(self.entity_a),
            3,
        )

    def test_mark_read(self):
        news = self.news_wholesale.with_user(self.buyer_a)
        self.assertFalse(news.b2b_is_read)
        news._b2b_mark_read(self.entity_a)
        news._b2b_mark_read(self.entity_a)  # twice: still one reader
        self.env.invalidate_all()
        self.assertTrue(news.b2b_is_read)
        self.assertFalse(self.news_wholesale.with_user(self.buyer_ab).b2b_is_read)
        self.assertEqual(self.news_wholesale.read_user_ids, self.buyer_a)
        self.assertEqual(
            self.env["b2b.news"]
            .with_user(self.buyer_a)
            .search([("b2b_is_read", "=", True)]),
            self.news_wholesale,
        )

    def test_mark_read_refused_outside_the_active_entity(self):
        cases = [
            (self.buyer_b, self.entity_b),  # another group's news
            (self.buyer_ab, self.entity_b),  # readable by rule, not as entity B
            (self.buyer_b, self.entity_a),  # not a member of entity A
        ]
        for user, entity in cases:
            with (
                self.subTest(user=user.login, entity=entity.name),
                self.assertRaises(AccessError),
            ):
                self.news_wholesale.with_user(user)._b2b_mark_read(entity)
        self.assertFalse(self.news_wholesale.read_user_ids)

    def test_portal_rule_hides_other_groups_news_by_id(self):
        News = self.env["b2b.news"].with_user(self.buyer_b)
        self.assertFalse(News.search([("id", "=", self.news_wholesale.id)]))
        with self.assertRaises(AccessError):
            News.browse(self.news_wholesale.id).read(["name"])
        self.assertFalse(
            self.env["b2b.news"]
            .with_user(self.buyer_a)
            .search([("id", "=", self.news_retail.id)])
        )
        # a buyer of A and B reads both groups' news (the portal then shows
        # the active entity's only)
        self.assertEqual(
            self.env["b2b.news"]
            .with_user(self.buyer_ab)
            .search([("id", "in", self.all_news.ids)]),
            self.all_news,
        )

    def test_portal_rule_follows_groups_and_memberships_at_once(self):
        News = self.env["b2b.news"].with_user(self.buyer_b)
        domain = [("id", "=", self.news_wholesale.id)]
        self.assertFalse(News.search(domain))  # rule domain now cached
        self.group_wholesale.partner_ids = [Command.link(self.entity_b.id)]
        self.assertEqual(News.search(domain), self.news_wholesale)
        self.group_wholesale.partner_ids = [Command.unlink(self.entity_b.id)]
        self.assertFalse(News.search(domain))
        self.env["b2b.membership"].create(
            {"user_id": self.buyer_b.id, "entity_id": self.entity_a.id}
        )
        self.assertEqual(News.search(domain), self.news_wholesale)

    def test_buyers_do_not_see_who_read(self):
        self.news_all.with_user(self.buyer_a)._b2b_mark_read(self.entity_a)
        with self.assertRaises(AccessError):
            self.news_all.with_user(self.buyer_b).read(["read_user_ids"])
        self.assertEqual(
            self.news_all.with_user(self.manager).read_user_ids, self.buyer_a
        )

    def test_portal_buyers_cannot_write(self):
        with self.assertRaises(AccessError):
            self.news_all.with_user(self.buyer_a).write({"name": "Hacked"})
        with self.assertRaises(AccessError):
            self.env["b2b.news"].with_user(self.buyer_a).create({"name": "Mine"})

    def test_files_are_tied_to_their_news(self):
        self.assertEqual(self.price_file.res_model, "b2b.news")
        self.assertEqual(self.price_file.res_id, self.news_wholesale.id)
        # so a colleague of the manager who uploaded it may open it too
        colleague = new_test_user(
            self.env, login="b2b_colleague", groups="b2b_portal.group_b2b_user"
        )
        self.assertTrue(self.price_file.with_user(colleague).has_access("read"))


@tagged("post_install", "-at_install")
class TestNewsPortal(PagerWalkMixin, B2bNewsCommon, HttpCase):
    """/my/b2b/news in the browser."""

    def _get(self, url):
        self.env.flush_all()
        return self.url_open(url, allow_redirects=False)

    def test_list_shows_the_active_entitys_news(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self._get("/my/b2b/news")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Warehouse closed on holidays", response.text)
        self.assertIn("Wholesale price list 2026", response.text)
        self.assertNotIn("Retail promo week", response.text)

    def test_every_pager_link_answers_with_its_news(self):
        # three pages of the portal's 80 news
        self.env(user=self.manager)["b2b.news"].create(
            [
                {"name": f"Bulletin {n}", "date": self.now - timedelta(days=10 + n)}
                for n in range(170)
            ]
        )
        self.authenticate("buyer_a", "buyer_a")
        self.env.flush_all()
        pages = self.walk_pager(
            "/my/b2b/news", "//tr[contains(@class, 'o_b2b_news_row')]//a/@href"
        )
        self.assertEqual(sorted(pages), [1, 2, 3])
        News = self.env["b2b.news"].with_user(self.buyer_a)
        expected = [
            f"/my/b2b/news/{news.id}" for news in News._b2b_news_page(self.entity_a)
        ]
        self.assertEqual(len(expected), 172)
        self.assertEqual(self.walked_rows(pages), expected)

    def test_list_follows_the_entity_switch(self):
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.authenticate("buyer_ab", "buyer_ab")
        page = self._get("/my/b2b/news").text
        self.assertIn("Retail promo week", page)
        self.assertNotIn("Wholesale price list 2026", page)

    def test_other_entitys_news_is_not_found(self):
        url = f"/my/b2b/news/{self.news_wholesale.id}"
        self.authenticate("buyer_b", "buyer_b")
        response = self._get(url)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Wholesale price list 2026", response.text)
        self.assertNotIn("wholesale-prices.csv", response.text)
        missing = self.env["b2b.news"].create({"name": "Gone"})
        missing.unlink()
        self.assertEqual(self._get(f"/my/b2b/news/{missing.id}").status_code, 404)
        # the buyer of both entities, acting for B, gets nothing either
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.authenticate("buyer_ab", "buyer_ab")
        response = self._get(url)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Wholesale price list 2026", response.text)
        self.env.invalidate_all()
        self.assertFalse(self.news_wholesale.read_user_ids)

    def test_news_outside_its_window_is_not_found(self):
        self.news_wholesale.date_end = self.now - timedelta(days=1)
        self.authenticate("buyer_a", "buyer_a")
        response = self._get(f"/my/b2b/news/{self.news_wholesale.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Wholesale price list 2026", response.text)
        self.assertNotIn("Wholesale price list 2026", self._get("/my/b2b/news").text)

    def test_news_page_marks_read_and_offers_files(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self._get(f"/my/b2b/news/{self.news_wholesale.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Wholesale price list 2026", response.text)
        self.assertIn("New wholesale prices attached.", response.text)
        link = re.search(
            rf'href="(/web/content/{self.price_file.id}\?download=true[^"]*)"',
            response.text,
        )
        self.assertTrue(link, "the page offers the file")
        self.env.invalidate_all()
        self.assertEqual(self.news_wholesale.read_user_ids, self.buyer_a)

        download = self._get(html.unescape(link.group(1)))
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"sku;price\nA-1;100\n")
        # without the page's token, another buyer gets nothing
        self.authenticate("buyer_b", "buyer_b")
        with mute_logger("odoo.http"):
            download = self._get(f"/web/content/{self.price_file.id}?download=true")
        self.assertNotEqual(download.status_code, 200)
        self.assertNotIn(b"A-1;100", download.content)

    def test_anonymous_is_sent_to_login(self):
        for url in ["/my/b2b/news", f"/my/b2b/news/{self.news_all.id}"]:
            with self.subTest(url=url):
                response = self._get(url)
                self.assertIn(response.status_code, (302, 303))
                self.assertEqual(
                    urlsplit(response.headers["Location"]).path, "/web/login"
                )

    def test_user_acting_for_no_entity_is_refused(self):
        new_test_user(
            self.env, login="loner", groups="base.group_portal", name="No entity"
        )
        self.authenticate("loner", "loner")
        response = self._get("/my/b2b/news")
        # sent to the registration form, as every page of the active entity
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("Warehouse closed on holidays", response.text)
        self.assertEqual(self._get(f"/my/b2b/news/{self.news_all.id}").status_code, 303)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["b2b_news_count"]}
        )
        self.assertEqual(counters, {"b2b_news_count": 0})

    def test_home_counts_unread_news(self):
        self.authenticate("buyer_a", "buyer_a")
        self.assertIn('data-placeholder_count="b2b_news_count"', self._get("/my").text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["b2b_news_count"]}
        )
        self.assertEqual(counters, {"b2b_news_count": 2})
        page = self._get("/my/b2b/news").text
        self.assertLess(
            page.index("Wholesale price list 2026"),
            page.index("Warehouse closed on holidays"),
        )
        self._get(f"/my/b2b/news/{self.news_wholesale.id}")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["b2b_news_count"]}
        )
        self.assertEqual(counters, {"b2b_news_count": 1})
        # the read news, though newer, now comes after the unread one
        page = self._get("/my/b2b/news").text
        self.assertLess(
            page.index("Warehouse closed on holidays"),
            page.index("Wholesale price list 2026"),
        )
