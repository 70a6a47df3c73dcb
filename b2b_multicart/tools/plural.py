"""Plural forms of a translated message, without gettext's ngettext (Odoo
translates single strings only).

A message holds its forms separated by "|": two in English ("one|other"),
three in Russian ("one|few|many": 1 строка, 2 строки, 5 строк). The number
of forms tells which rule applies.
"""


def plural_index(count, forms):
    """Index of the form for ``count`` among ``forms`` forms (2 or 3)."""
    count = abs(int(count))
    if forms >= 3:
        if count % 10 == 1 and count % 100 != 11:
            return 0
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return 1
        return 2
    if forms == 2:
        return 0 if count == 1 else 1
    return 0


def plural(text, count, **values):
    """The form of ``text`` ("a|b[|c]") for ``count``, formatted with
    ``count`` and ``values``."""
    forms = text.split("|")
    form = forms[plural_index(count, len(forms))]
    return form % dict(values, count=count)
