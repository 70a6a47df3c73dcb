from odoo.tests.common import BaseCase

from ..tools import ru_ids


class TestRuIds(BaseCase):
    """The identifier kernel, without a database."""

    def test_inn_real_examples(self):
        # Sberbank (organisation) and a sole trader's 12-digit INN
        self.assertIsNone(ru_ids.check_inn("7707083893"))
        self.assertIsNone(ru_ids.check_inn(" 7707 083 893 "))
        self.assertIsNone(ru_ids.check_inn(ru_ids.inn_check_digits("5001007320")))

    def test_inn_errors(self):
        self.assertEqual(ru_ids.check_inn("7707083894"), "inn_checksum")
        self.assertEqual(ru_ids.check_inn("77070838"), "inn_format")
        self.assertEqual(ru_ids.check_inn("77070838AB"), "inn_format")
        person = ru_ids.inn_check_digits("5001007320")
        self.assertEqual(ru_ids.check_inn(person, company=True), "inn_company_length")

    def test_inn_check_digits(self):
        self.assertEqual(ru_ids.inn_check_digits("770708389"), "7707083893")
        with self.assertRaises(ValueError):
            ru_ids.inn_check_digits("1234")

    def test_kpp(self):
        self.assertIsNone(ru_ids.check_kpp("773601001"))
        self.assertIsNone(ru_ids.check_kpp("7736AB001"))  # letters in the reason code
        self.assertEqual(ru_ids.check_kpp("77360100"), "kpp_format")
        self.assertEqual(ru_ids.check_kpp("7736010011"), "kpp_format")
        self.assertEqual(ru_ids.check_kpp("77A601001"), "kpp_format")

    def test_ogrn_and_ogrnip(self):
        self.assertIsNone(ru_ids.check_ogrn("1027700132195"))  # Sberbank
        self.assertEqual(ru_ids.check_ogrn("1027700132196"), "ogrn_checksum")
        self.assertIsNone(ru_ids.check_ogrn("304500116000157"))  # OGRNIP
        self.assertEqual(ru_ids.check_ogrn("304500116000158"), "ogrn_checksum")
        self.assertEqual(ru_ids.check_ogrn("10277001321"), "ogrn_format")

    def test_every_error_code_is_declared(self):
        codes = {
            ru_ids.check_inn("1"),
            ru_ids.check_inn("7707083894"),
            ru_ids.check_inn(ru_ids.inn_check_digits("5001007320"), company=True),
            ru_ids.check_kpp("1"),
            ru_ids.check_ogrn("1"),
            ru_ids.check_ogrn("1027700132196"),
        }
        self.assertEqual(codes, set(ru_ids.ERROR_CODES))
