from pathlib import Path

from lxml import etree

from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .. import ODOO_PORTAL_RULES
from .documents_common import B2bDocumentsCommon

DOCUMENT_RULES = (
    "b2b_portal.account_move_rule_portal_b2b",
    "b2b_portal.account_move_line_rule_portal_b2b",
    "b2b_portal.stock_picking_rule_portal_b2b",
)


def role_terms(domain):
    """The ``('role', 'in', roles)`` conditions anywhere in ``domain``."""
    for item in domain:
        if isinstance(item, (list, tuple)):
            if len(item) == 3 and item[0] == "role":
                yield item
            else:
                yield from role_terms(item)


@tagged("post_install", "-at_install")
class TestDocumentRules(B2bDocumentsCommon):
    """Invoices, credit notes and deliveries by id and by search, for each
    role of entity A and for a member of entity B."""

    def documents_of(self, user):
        """What ``user`` reads of the fixtures' documents, by search."""
        Move = self.env["account.move"].with_user(user)
        Picking = self.env["stock.picking"].with_user(user)
        moves = self.invoice_a | self.refund_a | self.invoice_b | self.draft_a
        pickings = self.picking_a | self.picking_b
        return (
            Move.search([("id", "in", moves.ids)]).sudo(),
            Picking.search([("id", "in", pickings.ids)]).sudo(),
        )

    def test_rules_name_exactly_the_documents_roles(self):
        expected = self.env["res.users"]._b2b_roles_with("documents")
        self.assertEqual(expected, ["accountant", "owner", "viewer"])
        for xmlid in DOCUMENT_RULES:
            rule = self.env.ref(xmlid)
            domain = safe_eval(rule.domain_force, rule._eval_context())
            terms = list(role_terms(domain))
            with self.subTest(rule=xmlid):
                self.assertEqual(len(terms), 1)
                self.assertEqual(terms[0][1], "in")
                self.assertEqual(sorted(terms[0][2]), expected)
                self.assertEqual(rule.groups, self.env.ref("base.group_portal"))
                self.assertFalse(rule.perm_write or rule.perm_create)

    def test_each_role_by_search(self):
        posted_a = self.invoice_a | self.refund_a
        for role, user in self.members_a.items():
            can = "documents" in self.env["res.users"]._b2b_role_capabilities()[role]
            moves, pickings = self.documents_of(user)
            with self.subTest(role=role):
                self.assertEqual(moves, posted_a if can else moves.browse())
                self.assertEqual(pickings, self.picking_a if can else pickings.browse())
        moves, pickings = self.documents_of(self.owner_b)
        self.assertEqual(moves, self.invoice_b)
        self.assertEqual(pickings, self.picking_b)

    def test_each_role_by_id(self):
        for role in ("owner", "accountant", "viewer"):
            user = self.members_a[role]
            with self.subTest(role=role):
                self.invoice_a.with_user(user).read(["name", "amount_total"])
                self.invoice_a.invoice_line_ids.with_user(user).read(["name"])
                self.picking_a.with_user(user).read(["name", "state"])
                for record in (self.invoice_b, self.picking_b, self.draft_a):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["name"])
        # a buyer orders: their contact sits under the entity, yet Odoo's own
        # rule (every contact of a company) gives them no invoice
        for user in (self.buyer_in_a, self.owner_b):
            for record in (self.invoice_a, self.refund_a, self.picking_a):
                with self.subTest(user=user.login, record=record.display_name):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.invoice_a.invoice_line_ids.with_user(user).read(["name"])

    def test_revoked_or_changed_role_takes_effect_at_once(self):
        """Rules are cached per user: the relational path sees a change of
        membership without any cache being cleared."""
        moves, _pickings = self.documents_of(self.accountant_a)
        self.assertTrue(moves)
        membership = self.entity_a.b2b_membership_ids.filtered(
            lambda m: m.user_id == self.accountant_a
        )
        membership.role = "buyer"
        self.assertFalse(any(self.documents_of(self.accountant_a)))
        membership.role = "viewer"
        self.assertTrue(all(self.documents_of(self.accountant_a)))
        membership._b2b_revoke()
        self.assertFalse(any(self.documents_of(self.accountant_a)))
        # the owner's contact is under the entity: a revoked owner loses
        # Odoo's own access as well
        self.entity_a.b2b_membership_ids.filtered(
            lambda m: m.user_id == self.buyer_a
        ).active = False
        self.assertFalse(any(self.documents_of(self.buyer_a)))

    def test_user_of_no_entity_keeps_odoo_access(self):
        customer = self.env["res.partner"].create(
            {"name": "Plain customer", "is_company": True}
        )
        contact = new_test_user(self.env, login="doc_plain", groups="base.group_portal")
        contact.partner_id.parent_id = customer
        invoice = self.invoice_b.copy({"partner_id": customer.id})
        invoice.action_post()
        self.assertEqual(
            invoice.with_user(contact).read(["name"])[0]["name"], invoice.name
        )

    def test_uninstall_hook_knows_odoo_domains(self):
        """The domains the uninstall hook gives back are those Odoo ships."""
        for xmlid, domain in ODOO_PORTAL_RULES.items():
            module, name = xmlid.split(".")
            shipped = [
                field.text
                for path in Path(get_module_path(module), "security").glob("*.xml")
                for field in etree.parse(path).xpath(
                    f"//record[@id='{name}']/field[@name='domain_force']"
                )
            ]
            with self.subTest(rule=xmlid):
                self.assertEqual(shipped, [domain])
                self.assertNotEqual(self.env.ref(xmlid).domain_force, domain)
