from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestReminders(MulticartCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer_a.email = "buyer_a@example.com"
        cls.buyer_ab.email = "buyer_ab@example.com"

    def age(self, cart, days):
        cart.b2b_touched = fields.Datetime.now() - timedelta(days=days)

    def mails(self, cart):
        return self.env["mail.mail"].search(
            [("model", "=", "sale.order"), ("res_id", "=", cart.id)]
        )

    def test_reminder_sent_once_per_stale_period(self):
        stale = self.cart(self.buyer_a, self.entity_a, "Забытая", {self.bolt: 3})
        fresh = self.cart(self.buyer_a, self.entity_a, "Свежая", {self.bolt: 1})
        empty = self.cart(self.buyer_a, self.entity_a, "Пустая")
        self.age(stale, 10)
        self.age(empty, 10)
        self.age(fresh, 2)
        Order = self.env["sale.order"]
        self.assertEqual(Order._cron_b2b_cart_reminders(), stale)
        mail = self.mails(stale)
        self.assertEqual(len(mail), 1)
        self.assertIn("Забытая", mail.subject)
        self.assertIn("Болт M8", mail.body_html)
        self.assertIn(f"/my/b2b/carts/{stale.id}", mail.body_html)
        self.assertEqual(mail.recipient_ids, self.buyer_a.partner_id)
        self.assertFalse(self.mails(fresh) | self.mails(empty))
        # not again while the cart stays as it is
        self.assertFalse(Order._cron_b2b_cart_reminders())
        self.assertEqual(len(self.mails(stale)), 1)
        # changed, then forgotten again: one more reminder
        stale._b2b_add_products({self.nut: 1})
        stale.b2b_reminder_date = fields.Datetime.now() - timedelta(days=9)
        self.age(stale, 8)
        self.assertEqual(Order._cron_b2b_cart_reminders(), stale)
        self.assertEqual(len(self.mails(stale)), 2)

    def test_opted_out_buyer_gets_nothing(self):
        self.buyer_ab.b2b_cart_reminders = False
        cart = self.cart(self.buyer_ab, self.entity_a, "Без писем", {self.bolt: 3})
        self.age(cart, 30)
        self.assertFalse(self.env["sale.order"]._cron_b2b_cart_reminders())
        self.assertFalse(self.mails(cart))

    def test_days_setting(self):
        self.env["ir.config_parameter"].set_param("b2b_multicart.reminder_days", "3")
        cart = self.cart(self.buyer_a, self.entity_a, "Три дня", {self.bolt: 3})
        self.age(cart, 4)
        self.assertEqual(self.env["sale.order"]._cron_b2b_cart_reminders(), cart)

    def test_reminder_in_the_buyers_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["b2b_multicart"], ["ru_RU"])
        self.buyer_a.lang = "ru_RU"
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        self.age(cart, 10)
        self.env["sale.order"]._cron_b2b_cart_reminders()
        mail = self.mails(cart)
        self.assertEqual(mail.subject, "Ваша корзина Склад ждёт оформления")
        self.assertIn("давно не менялась", mail.body_html)
        self.assertIn("Открыть корзину", mail.body_html)
