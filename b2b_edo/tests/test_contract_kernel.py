from datetime import datetime, timedelta

from odoo.tests import BaseCase

from ..tools import contract_code as codes
from ..tools.contract_template import check_template


class TestContractTemplateKernel(BaseCase):
    def errors(self, source):
        return [(e.code, e.detail) for e in check_template(source)]

    def test_known_placeholders_and_local_names_pass(self):
        self.assertEqual(
            self.errors(
                '<p t-if="contract.credit_limit and entity.kpp">'
                '<t t-out="entity.name"/> <t t-set="x" t-value="supplier.inn"/>'
                '<t t-out="x"/><a t-attf-title="{{ contract.number }}"/></p>'
            ),
            [],
        )

    def test_unknown_placeholder_is_named(self):
        self.assertEqual(
            self.errors('<t t-out="entity.password"/><t t-out="partner.name"/>'),
            [("placeholder", "entity.password"), ("placeholder", "partner")],
        )

    def test_calls_subscripts_and_other_directives_refused(self):
        self.assertEqual(
            self.errors('<t t-out="entity.name.upper()"/>')[0][0], "expression"
        )
        self.assertEqual(self.errors('<t t-out="entity[0]"/>')[0][0], "expression")
        self.assertEqual(
            self.errors('<t t-call="web.layout"/>'), [("directive", "t-call")]
        )
        self.assertEqual(self.errors('<t t-raw="entity.name"/>')[0][0], "directive")
        self.assertEqual(self.errors('<t t-out="1 +"/>')[0][0], "expression")

    def test_empty_template_refused(self):
        self.assertEqual(self.errors("  ")[0][0], "syntax")


class TestContractCodeKernel(BaseCase):
    NOW = datetime(2026, 12, 2, 10, 0)

    def check(self, typed, **values):
        salt = "s1"
        stored = dict(
            code_hash=codes.hash_code("123456", salt, "key"),
            salt=salt,
            key="key",
            state="active",
            expires_at=codes.expiry(self.NOW),
            attempts=0,
            now=self.NOW + timedelta(minutes=1),
        )
        stored.update(values)
        return codes.check_code(typed, **stored)

    def test_draw_keeps_six_digits(self):
        self.assertEqual(codes.draw_code(lambda _n: 42), "000042")
        self.assertRegex(codes.draw_code(), r"^\d{6}$")

    def test_hash_is_keyed_and_salted(self):
        one = codes.hash_code("123456", "a", "key")
        self.assertNotIn("123456", one)
        self.assertNotEqual(one, codes.hash_code("123456", "b", "key"))
        self.assertNotEqual(one, codes.hash_code("123456", "a", "other"))
        self.assertEqual(one, codes.hash_code(" 123 456 ", "a", "key"))

    def test_outcomes(self):
        self.assertEqual(self.check("123456"), codes.OK)
        self.assertEqual(self.check("654321"), codes.WRONG)
        self.assertEqual(self.check("654321", attempts=4), codes.LOCKED)
        self.assertEqual(self.check("123456", attempts=5), codes.LOCKED)
        self.assertEqual(
            self.check("123456", now=self.NOW + timedelta(minutes=11)), codes.EXPIRED
        )
        self.assertEqual(self.check("123456", state="used"), codes.USED)
        self.assertEqual(self.check("123456", state="replaced"), codes.USED)
        self.assertEqual(self.check("123456", state="locked"), codes.LOCKED)
