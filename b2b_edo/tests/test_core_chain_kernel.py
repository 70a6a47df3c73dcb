import datetime

from odoo.tests import BaseCase

from ..tools import edo_chain


def chain(payloads):
    links, previous = [], edo_chain.GENESIS
    for position, payload in enumerate(payloads, start=1):
        previous = edo_chain.link_hash(previous, payload)
        links.append(edo_chain.Link(position, "m", position, previous, payload))
    return links


class TestChainKernel(BaseCase):
    def test_each_hash_covers_the_previous(self):
        first = edo_chain.link_hash("", "a")
        self.assertEqual(len(first), 64)
        self.assertNotEqual(
            edo_chain.link_hash(first, "b"), edo_chain.link_hash("", "b")
        )

    def test_payload_is_stable_text(self):
        text = edo_chain.payload_text(
            "b2b.document",
            7,
            [("number", "SC-1"), ("date", datetime.date(2026, 1, 2)), ("x", None)],
        )
        self.assertEqual(
            text,
            '["b2b.document",7,[["number","SC-1"],["date","2026-01-02"],["x",null]]]',
        )

    def test_intact_chain(self):
        self.assertEqual(edo_chain.first_break(chain("abc")), (3, None))
        links = chain("abc")
        self.assertEqual(
            edo_chain.first_break(links, 3, links[-1].stored_hash), (3, None)
        )

    def test_changed_payload_found_at_its_link(self):
        links = chain("abcd")
        links[2] = edo_chain.Link(3, "m", 3, links[2].stored_hash, "X")
        count, broken = edo_chain.first_break(links)
        self.assertEqual((count, broken.position, broken.reason), (2, 3, "hash"))

    def test_gap_duplicate_and_truncation(self):
        links = chain("abcd")
        self.assertEqual(edo_chain.first_break(links[:1] + links[2:])[1].reason, "gap")
        self.assertEqual(
            edo_chain.first_break(links[:2] + links[1:])[1].reason, "duplicate"
        )
        count, broken = edo_chain.first_break(links[:3], 4, links[3].stored_hash)
        self.assertEqual((count, broken.reason), (3, "head"))
