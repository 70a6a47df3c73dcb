import datetime

from .common import ClaimsCommon


class TestClaimStatistics(ClaimsCommon):
    """The statistics as the pivot view reads them (``formatted_read_group``
    with the views' measures)."""

    def _lines_pivot(self, groupby, aggregates):
        return (
            self.env["b2b.claim.line"]
            .with_user(self.manager)
            .formatted_read_group(
                [("claim_id.entity_id", "=", self.entity_a.id)], groupby, aggregates
            )
        )

    def test_claimed_share_is_a_ratio_of_sums(self):
        # 1 of 10 bolts (10 %) and 10 of 20 nuts (50 %): 11 of 30, 36.7 %,
        # not the 30 % an average of the lines' shares would say
        self.file_claim(
            [(self.ml_bolt, 1, "refund", None), (self.ml_nut, 10, "refund", None)]
        )
        (row,) = self._lines_pivot(
            [], ["quantity:sum", "delivered_qty:sum", "quantity_share:sum"]
        )
        self.assertEqual(row["quantity:sum"], 11)
        self.assertEqual(row["delivered_qty:sum"], 30)
        self.assertAlmostEqual(row["quantity_share:sum"], 100 * 11 / 30, places=4)
        by_product = {
            r["product_id"][0]: r["quantity_share:sum"]
            for r in self._lines_pivot(["product_id"], ["quantity_share:sum"])
        }
        self.assertAlmostEqual(by_product[self.bolt.id], 10.0)
        self.assertAlmostEqual(by_product[self.nut.id], 50.0)

    def test_lines_carry_what_the_pivot_groups_by(self):
        claim = self.file_claim(
            [(self.ml_bolt, 2, "refund", {"reason": "Сколы"})],
            claim_type=self.type_shortage,
        )
        line = claim.line_ids
        self.assertEqual(line.claim_date, claim.date)
        self.assertEqual(line.claim_type_id, self.type_shortage)
        self.assertEqual(line.delivered_qty, 10)
        self.assertEqual(line.entity_id, self.entity_a)
        for fname in ("claim_date", "claim_type_id", "delivered_qty", "product_id"):
            self.assertTrue(line._fields[fname].store, fname)
        rows = self._lines_pivot(
            ["claim_type_id", "reason", "claim_date:month", "entity_id"],
            ["quantity:sum", "__count"],
        )
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["claim_type_id"][0], self.type_shortage.id)
        self.assertEqual(rows[0]["reason"], "Сколы")
        self.assertEqual(rows[0]["quantity:sum"], 2)

    def test_average_time_to_resolve_counts_closed_claims(self):
        day = datetime.date(2026, 11, 2)
        resolved, rejected, open_ = (
            self.file_claim([(ml, 1, "refund", None)])
            for ml in (self.ml_bolt, self.ml_nut, self.ml_bolt)
        )
        (resolved | rejected | open_).submit_date = day
        resolved.resolve_date = day + datetime.timedelta(days=4)
        rejected.reject_reason = "Not a defect"
        rejected.action_reject()
        rejected.resolve_date = day + datetime.timedelta(days=10)
        self.assertEqual(resolved.resolve_days, 4)
        self.assertEqual(rejected.resolve_days, 10)
        self.assertFalse(open_.resolve_days)
        (row,) = (
            self.env["b2b.claim"]
            .with_user(self.manager)
            .formatted_read_group(
                [("id", "in", (resolved | rejected | open_).ids)],
                [],
                ["resolve_days:avg", "__count"],
            )
        )
        self.assertEqual(row["__count"], 3)
        self.assertAlmostEqual(row["resolve_days:avg"], 7.0)  # (4 + 10) / 2

    def test_the_pivot_views_measures_read(self):
        """Every measure of the statistics views is read by the pivot."""
        self.file_claim([(self.ml_bolt, 1, "refund", None)])
        for model in ("b2b.claim", "b2b.claim.line"):
            Model = self.env[model].with_user(self.manager)
            arch = Model.get_views([(False, "pivot")])["views"]["pivot"]["arch"]
            measures = [
                f"{name}:{Model._fields[name].aggregator}"
                for name in Model._fields
                if f'name="{name}" type="measure"' in arch
            ]
            self.assertGreaterEqual(len(measures), 3, model)
            Model.formatted_read_grouping_sets(
                [], [[], ["entity_id"]], [*measures, "__count"]
            )
