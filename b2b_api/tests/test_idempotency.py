import threading

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged

from ..tools.errors import ApiError
from .common import B2bApiCommon


@tagged("post_install", "-at_install")
class TestIdempotency(B2bApiCommon, TransactionCase):
    """``b2b.api.idempotency._b2b_run``: the answer of a POST that creates,
    once per key and Idempotency-Key."""

    def create_cart(self, env=None):
        env = env or self.env
        count = {"n": 0}

        def func():
            count["n"] += 1
            cart = (
                env["sale.order"]
                .sudo()
                .create(
                    env["res.users"]
                    .browse(self.owner_a.id)
                    ._b2b_cart_values(self.entity_a)
                )
            )
            return 201, {"id": cart.id}

        return func, count

    def test_replay_same_body(self):
        Idem = self.env["b2b.api.idempotency"]
        func, count = self.create_cart()
        first = Idem._b2b_run(self.key_a, "k-1", b'{"a": 1}', func)
        again = Idem._b2b_run(self.key_a, "k-1", b'{"a": 1}', func)
        self.assertEqual(first[:2], again[:2])
        self.assertEqual((first[2], again[2]), (False, True))
        self.assertEqual(count["n"], 1)
        # the same Idempotency-Key of another key is another operation
        Idem._b2b_run(self.key_b, "k-1", b'{"a": 1}', func)
        self.assertEqual(count["n"], 2)

    def test_other_body_refused(self):
        Idem = self.env["b2b.api.idempotency"]
        func, count = self.create_cart()
        Idem._b2b_run(self.key_a, "k-2", b'{"a": 1}', func)
        with self.assertRaises(ApiError) as caught:
            Idem._b2b_run(self.key_a, "k-2", b'{"a": 2}', func)
        self.assertEqual(
            (caught.exception.status, caught.exception.code),
            (422, "idempotency_key_reused"),
        )
        self.assertEqual(count["n"], 1)

    def test_forgotten_after_24_hours(self):
        Idem = self.env["b2b.api.idempotency"]
        func, count = self.create_cart()
        Idem._b2b_run(self.key_a, "k-3", b"{}", func)
        Idem._b2b_run(self.key_a, "k-4", b"{}", func)
        self.env.cr.execute(
            "UPDATE b2b_api_idempotency SET created = created - interval '25 hours' "
            "WHERE idempotency_key = 'k-3'"
        )
        Idem._gc_answers()
        rows = Idem.sudo().search([("key_id", "=", self.key_a.id)])
        self.assertEqual(rows.mapped("idempotency_key"), ["k-4"])
        # and a stale row not yet collected does not replay
        self.env.cr.execute(
            "UPDATE b2b_api_idempotency SET created = created - interval '25 hours'"
        )
        self.assertFalse(Idem._b2b_run(self.key_a, "k-4", b"{}", func)[2])
        self.assertEqual(count["n"], 3)


@tagged("post_install", "-at_install")
class TestConcurrentIdempotency(TransactionCase):
    """Two transactions run the same key and Idempotency-Key at once: the
    second is refused (409) while the first runs, and replays its answer
    once it committed; one record is made. Real cursors, committed data,
    removed afterwards."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            user = env["res.users"].create(
                {
                    "name": "Idem Buyer",
                    "login": "idem_buyer",
                    "group_ids": [(6, 0, env.ref("base.group_portal").ids)],
                }
            )
            secret = (
                env["res.users.apikeys"]
                .with_user(user)
                .sudo()
                ._generate("b2b_api", "idem", None)
            )
            key = env["b2b.api.key"]._b2b_register(
                user, False, "idem", "order", env.cr.now(), secret
            )
            self.ids = {"user": user.id, "partner": user.partner_id.id, "key": key.id}
        self.addCleanup(self.cleanup)

    def cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.partner.category"].search([("name", "like", "idem-%")]).unlink()
            env["b2b.api.key"].browse(self.ids["key"]).unlink()
            env["res.users"].browse(self.ids["user"]).unlink()
            env["res.partner"].browse(self.ids["partner"]).unlink()

    def run_in(self, cr, made):
        env = api.Environment(cr, SUPERUSER_ID, {})
        key = env["b2b.api.key"].browse(self.ids["key"])

        def func():
            tag = env["res.partner.category"].create({"name": f"idem-{len(made)}"})
            made.append(tag.id)
            return 201, {"id": tag.id}

        return env["b2b.api.idempotency"]._b2b_run(key, "same", b'{"x": 1}', func)

    def test_two_cursors_make_one_record(self):
        made = []
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self.run_in(cr1, made)  # holds the row, not committed
            with self.assertRaises(ApiError) as caught:
                self.run_in(cr2, made)
            self.assertEqual(caught.exception.status, 409)
            cr2.rollback()
            cr1.commit()
            second = self.run_in(cr2, made)  # a new transaction: sees it
            cr2.commit()
        self.assertEqual(second, (first[0], first[1], True))
        self.assertEqual(len(made), 1)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.assertEqual(
                env["res.partner.category"].search_count([("name", "like", "idem-%")]),
                1,
            )

    def test_waiter_gets_the_answer_when_the_first_commits_in_time(self):
        """The second request waits for the first (up to the lock timeout);
        the first commits meanwhile: the second is a serialization failure
        (Odoo retries the request) or replays, never a second record."""
        made = []
        outcome = {}
        with self.registry.cursor() as cr1:
            self.run_in(cr1, made)

            def second():
                with self.registry.cursor() as cr2:
                    try:
                        outcome["result"] = self.run_in(cr2, made)
                    except Exception as error:  # noqa: BLE001 - reported below
                        outcome["error"] = error
                        cr2.rollback()

            thread = threading.Thread(target=second)
            thread.start()
            cr1.commit()
            thread.join()
        self.assertEqual(len(made), 1)
        if "error" in outcome:
            error = outcome["error"]
            self.assertTrue(
                isinstance(error, ApiError)
                and error.status == 409
                or getattr(error, "pgcode", None) == "40001",
                repr(error),
            )
