"""Plural forms for translated messages; no ORM.

Odoo's ``_()`` has no ``ngettext``: a message with a number is written as one
translatable string holding all its forms, separated by ``|``, and
:func:`choose_plural` picks the form for the number and the language::

    env._("Found %(n)s product|Found %(n)s products")
    # ru: "Найден %(n)s товар|Найдено %(n)s товара|Найдено %(n)s товаров"

English and most languages have two forms (one, other); Russian, Ukrainian
and Belarusian three (one: 1, 21, 101; few: 2-4, 22-24; many: 0, 5-20, 25).
A translation with another number of forms than its language has is read by
the rule of its number of forms, so that a missing or partial translation
still reads correctly in English.
"""

EAST_SLAVIC = ("ru", "uk", "be")


def _two_forms(n):
    return 0 if n == 1 else 1


def _east_slavic(n):
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def plural_index(n, forms, lang=None):
    """Index of the form of ``n`` among ``forms`` forms in ``lang``; ``n`` may
    be a fraction ("2,5 строки", "1.5 lines") or a number read as text."""
    number = abs(float(n or 0))
    if forms <= 1:
        return 0
    if number != int(number):
        # a fraction takes the second form in every language here
        return 1
    n = int(number)
    if forms == 3 and (not lang or lang.split("_")[0] in EAST_SLAVIC):
        return _east_slavic(n)
    return min(_two_forms(n), forms - 1)


def choose_plural(text, n, lang=None):
    """The form of ``n`` in ``text`` (forms separated by ``|``, or a
    sequence of forms)."""
    forms = (
        [form.strip() for form in text.split("|")] if isinstance(text, str) else text
    )
    return forms[plural_index(n, len(forms), lang)]


def format_plural(text, count, lang=None, **values):
    """The form of ``count`` in ``text``, formatted with ``count`` and
    ``values`` (``"%(count)s line moved to “%(cart)s”.|..."``)."""
    return choose_plural(text, count, lang) % dict(values, count=count)
