import ast

from odoo import api, models
from odoo.tools.misc import get_lang

from ..tools import numbers, plurals

NBSP = "\u00a0"


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _b2b_format_qty(self, value, grouping=True):
        """A quantity in the language of the environment, without trailing
        zeros: "12", "2,5", "1 200" (for a form field, ``grouping=False``:
        "1200"). The one helper of the suite, also the QWeb widget
        ``b2b_qty``."""
        return self._b2b_number_format().qty(value, grouping=grouping)

    @api.model
    def _b2b_number_format(self):
        """The separators of the environment's language, as a
        ``numbers.NumberFormat``: made once per page, it formats every price
        and quantity of the page's rows (``fmt.money(price, currency)``,
        ``fmt.qty(qty)``) in a fraction of the time of one QWeb widget per
        cell, with the same text."""
        lang = get_lang(self.env)
        return numbers.NumberFormat(
            lang.decimal_point or ".",
            (lang.thousands_sep or "").replace(" ", NBSP),
            tuple(ast.literal_eval(lang.grouping or "[]")),
        )

    @api.model
    def _b2b_plural(self, count, forms):
        """The plural form of ``forms`` ("line|lines", translated as
        "строка|строки|строк") for ``count`` in the environment's language."""
        return plurals.choose_plural(forms, count, get_lang(self.env).code)

    @api.model
    def _b2b_nouns(self):
        """The counted nouns of the suite, with their translated forms."""
        return {"line": self.env._("line|lines")}

    @api.model
    def _b2b_count(self, count, noun):
        """``count`` and its noun ("line" or the forms themselves), as
        "13 строк", "1 line"."""
        forms = self._b2b_nouns().get(noun, noun)
        return f"{self._b2b_format_qty(count)}{NBSP}{self._b2b_plural(count, forms)}"
