"""Odoo merges every portal controller class of every addon into one class
(each subclasses ``CustomerPortal``): a helper named alike in two classes
that do not inherit from one another silently replaces the other, whichever
addon loads last. Each addon names its helpers by its own prefix
(``_b2b_catalog_*`` in b2b_portal's catalog, ``_b2b_cart_*`` in b2b_multicart,
``_b2b_qo_*`` in b2b_quick_order, ``_b2b_price_*`` in b2b_pricelist); an
override of a seam is a subclass calling ``super()``.
"""

import importlib
import inspect
import unittest
from collections import defaultdict
from itertools import combinations

from odoo import http
from odoo.tests import TransactionCase, tagged


def controller_classes(prefix="odoo.addons.b2b_"):
    """Every subclass of ``http.Controller`` defined in a module under
    ``prefix``, walked recursively (Odoo's merged leaf classes live in
    ``odoo.http`` and are left out)."""
    found, todo = [], list(http.Controller.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith(prefix) and cls not in found:
            found.append(cls)
    return found


def shadowed_methods(classes):
    """``[(name, class, class)]``: a method defined by two of ``classes``
    where neither class is a subclass of the other and no class both inherit
    from defines it (then both override one seam, and call ``super()``)."""
    owners = defaultdict(list)
    for cls in classes:
        for name, member in vars(cls).items():
            if not name.startswith("__") and inspect.isfunction(member):
                owners[name].append(cls)
    clashes = []
    for name, defining in sorted(owners.items()):
        for first, second in combinations(defining, 2):
            if issubclass(first, second) or issubclass(second, first):
                continue
            common = set(first.__mro__) & set(second.__mro__)
            if any(name in vars(base) for base in common):
                continue
            clashes.append((name, first, second))
    return clashes


def describe(clashes):
    return "\n".join(
        f"{name}: {a.__module__}.{a.__qualname__} and {b.__module__}.{b.__qualname__}"
        for name, a, b in clashes
    )


class TestShadowCheck(unittest.TestCase):
    """The check itself, on throwaway classes (not controllers: a class
    derived from ``http.Controller`` would join the routing)."""

    def test_a_duplicate_helper_is_caught(self):
        class Portal:
            def _prepare_home_portal_values(self, counters):
                return {}

        class Carts(Portal):
            def _b2b_render(self):
                return "carts"

            def _prepare_home_portal_values(self, counters):
                return super()._prepare_home_portal_values(counters)

        class QuickOrder(Portal):
            def _b2b_render(self):
                return "quick order"

            def _prepare_home_portal_values(self, counters):
                return super()._prepare_home_portal_values(counters)

        self.assertEqual(
            shadowed_methods([Portal, Carts, QuickOrder]),
            [("_b2b_render", Carts, QuickOrder)],
        )

    def test_an_override_in_a_subclass_is_no_clash(self):
        class Catalog:
            def _b2b_catalog_values(self):
                return {}

        class Pricing(Catalog):
            def _b2b_catalog_values(self):
                return super()._b2b_catalog_values()

        self.assertEqual(shadowed_methods([Catalog, Pricing]), [])


@tagged("post_install", "-at_install")
class TestControllerNames(TransactionCase):
    def test_no_controller_helper_shadows_another(self):
        modules = self.env["ir.module.module"].search(
            [("name", "=like", "b2b\\_%"), ("state", "=", "installed")]
        )
        for name in modules.mapped("name"):
            try:
                importlib.import_module(f"odoo.addons.{name}.controllers")
            except ModuleNotFoundError:
                continue  # an addon without controllers
        classes = controller_classes()
        addons = {cls.__module__.split(".")[2] for cls in classes}
        self.assertLessEqual(
            {"b2b_portal", "b2b_multicart", "b2b_quick_order", "b2b_pricelist"},
            addons,
        )
        clashes = shadowed_methods(classes)
        self.assertFalse(clashes, "helpers named alike:\n" + describe(clashes))
