from odoo.tests import BaseCase

from ..tools import founding_checklist as fc


class TestFoundingChecklist(BaseCase):
    def test_entity_kind_from_inn(self):
        self.assertEqual(fc.entity_kind("7701000017"), fc.LEGAL)
        self.assertEqual(fc.entity_kind("500100732259"), fc.SOLE_TRADER)
        self.assertEqual(fc.entity_kind(" 5001 0073 2259 "), fc.SOLE_TRADER)
        self.assertEqual(fc.entity_kind(False), fc.LEGAL)

    def test_statuses_newest_version_decides(self):
        items = [(1, True), (2, True), (3, False), (4, True)]
        documents = [
            (1, 10, "rejected", 1, "Old extract"),
            (1, 11, "sent", 2, False),
            (2, 20, "superseded", 1, False),
            (2, 21, "accepted", 2, False),
            (3, 30, "rejected", 1, "Not signed"),
            (4, 40, "cancelled", 1, False),
            (4, 41, "draft", 2, False),
        ]
        statuses = fc.item_statuses(items, documents)
        self.assertEqual(
            [(s.item_id, s.status, s.document_id) for s in statuses],
            [
                (1, fc.WAITING, 11),
                (2, fc.ACCEPTED, 21),
                (3, fc.REJECTED, 30),
                (4, fc.MISSING, 0),
            ],
        )
        self.assertEqual(statuses[2].reason, "Not signed")
        self.assertEqual(statuses[0].reason, "")
        self.assertEqual([s.can_upload for s in statuses], [False, False, True, True])
        self.assertEqual(
            [s.blocks_ordering for s in statuses], [True, False, False, True]
        )
        self.assertEqual(
            [s.waits_for_buyer for s in statuses], [False, False, True, True]
        )
