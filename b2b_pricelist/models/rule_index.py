"""Price list rules indexed per product, for the batched pricing service."""

from collections import defaultdict


class RuleIndex:
    """Rules of several price lists (as ``search`` returned them, in Odoo's
    rule order), bucketed by what they apply to, so that the candidates of
    a product are found without scanning every rule: a price list with
    thousands of per-product exceptions costs the same per line as one with
    a single global rule."""

    def __init__(self, rules, pricelists):
        self.rules = rules
        # every price list whose rules were read, with or without any
        self.pricelist_ids = set(pricelists.ids)
        self.rank = {}
        self.buckets = defaultdict(list)  # (pricelist id, kind, id) -> rules
        self.kinds = defaultdict(set)  # pricelist id -> kinds of its buckets
        for rank, rule in enumerate(rules):
            self.rank[rule.id] = rank
            applied_on = rule.applied_on
            if applied_on == "0_product_variant":
                key = ("v", rule.product_id.id)
            elif applied_on == "1_product":
                key = ("t", rule.product_tmpl_id.id)
            elif applied_on == "2_product_category":
                key = ("c", rule.categ_id.id)
            else:
                key = ("g", 0)
            self.buckets[(rule.pricelist_id.id, *key)].append(rule)
            self.kinds[rule.pricelist_id.id].add(key[0])
        self._cache = {}

    def covers(self, pricelist):
        return pricelist.id in self.pricelist_ids

    def candidate_list(self, pricelist, product):
        """Rules of ``pricelist`` that may apply to ``product`` (any quantity),
        in Odoo's order: the first whose ``min_quantity`` is reached wins."""
        kinds = self.kinds[pricelist.id]
        if kinds <= {"g"}:  # global rules only: the same list for every product
            return self.buckets.get((pricelist.id, "g", 0), ())
        key = (pricelist.id, product.id)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        buckets = self.buckets
        pid = pricelist.id
        found = []
        # read only what a bucket of this price list needs
        if "v" in kinds:
            found += buckets.get((pid, "v", product.id), ())
        if "t" in kinds:
            found += buckets.get((pid, "t", product.product_tmpl_id.id), ())
        if "c" in kinds:
            categ = product.product_tmpl_id.categ_id
            for ancestor in (categ.parent_path or "").split("/")[:-1]:
                found += buckets.get((pid, "c", int(ancestor)), ())
        globals_ = buckets.get((pid, "g", 0), ())
        if found:
            found += globals_
            rank = self.rank
            found.sort(key=lambda rule: rank[rule.id])
        else:
            found = list(globals_)
        self._cache[key] = found
        return found

    def thresholds(self, pricelist, product, above):
        """Quantity breaks above ``above`` of ``product`` in ``pricelist`` and
        in the price lists it is based on (a break of the base moves the
        price of a chained price type too), in increasing order."""
        return [qty for qty in self._breaks(pricelist, product) if qty > above]

    def _breaks(self, pricelist, product):
        """All breaks of ``product`` along the chain; computed once per
        price list when the chain has global rules only."""
        global_only = all(self.kinds[pid] <= {"g"} for pid in self.pricelist_ids)
        key = ("breaks", pricelist.id, None if global_only else product.id)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found = set()
        todo, seen = [pricelist], set()
        while todo:
            current = todo.pop()
            if current.id in seen or current.id not in self.pricelist_ids:
                continue
            seen.add(current.id)
            for rule in self.candidate_list(current, product):
                if rule.min_quantity:
                    found.add(rule.min_quantity)
                if rule.base == "pricelist" and rule.base_pricelist_id:
                    todo.append(rule.base_pricelist_id)
        cached = self._cache[key] = sorted(found)
        return cached

    def candidates(self, pricelist, product):
        """The same as a recordset (what ``_compute_price_rule`` iterates)."""
        found = self.candidate_list(pricelist, product)
        return self.rules.browse([rule.id for rule in found])
