"""Quick order on a quotation, for the supplier's managers.

The manager pastes lines or uploads a file, "Check" fills a preview (one
line per input line), lines may be corrected and checked again, and "Add
lines" writes the orderable lines into the quotation in one write. Nothing
is written to the quotation before that.

Access: the wizard is for back-office users (``b2b_portal.group_b2b_user``).
Every action first checks that the user may write the quotation
(``order.check_access("write")``, the rules of sales teams apply); the
resolution service is then called with ``sudo()``, because it holds buyers
to a membership of the entity (``_b2b_check_member``) and reads products as
superuser, which a manager is not and does not need. The lines are written
as the user, through ``sale.order._b2b_add_products``.
"""

import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..models.b2b_quick_order import ORDERABLE
from ..tools.order_file import read_order_file
from ..tools.order_text import SKIP_NOTES, Row, line_ranges, parse_order_text
from .b2b_quick_order_wizard_line import STATUSES

EDITABLE_STATES = ("draft", "sent")


class B2bQuickOrderWizard(models.TransientModel):
    _name = "b2b.quick.order.wizard"
    _description = "Quick order on a quotation"

    order_id = fields.Many2one(
        "sale.order", string="Quotation", required=True, ondelete="cascade"
    )
    entity_id = fields.Many2one(
        "res.partner", related="order_id.partner_id.commercial_partner_id"
    )
    source = fields.Selection(
        [("text", "Paste lines"), ("file", "Upload a file")],
        required=True,
        default="text",
    )
    text = fields.Text(
        string="Lines",
        help="One line per product: SKU, barcode or the customer's own code, "
        "then the quantity, separated by a comma, a semicolon, a tab or "
        "spaces. A header row is skipped.",
    )
    file = fields.Binary(attachment=False, help="CSV, XLSX or XLS, up to 10 MB.")
    filename = fields.Char()
    state = fields.Selection(
        [("input", "Input"), ("preview", "Preview")], default="input", required=True
    )
    line_ids = fields.One2many(
        "b2b.quick.order.wizard.line", "wizard_id", string="Preview"
    )
    currency_id = fields.Many2one("res.currency")
    total = fields.Monetary(readonly=True)
    skipped_note = fields.Text(
        string="Skipped lines",
        readonly=True,
        help="Lines of the input left out on purpose, by number.",
    )
    orderable_count = fields.Integer(compute="_compute_counts")
    skipped_count = fields.Integer(compute="_compute_counts")

    @api.depends("line_ids.status")
    def _compute_counts(self):
        for wizard in self:
            orderable = wizard.line_ids.filtered(lambda line: line.status in ORDERABLE)
            wizard.orderable_count = len(orderable)
            wizard.skipped_count = len(wizard.line_ids) - len(orderable)

    # -- checks ---------------------------------------------------------------
    def _b2b_check_order(self):
        """The quotation may be written by the user, and is still a quotation."""
        self.ensure_one()
        order = self.order_id
        order.check_access("write")
        if order.state not in EDITABLE_STATES:
            raise UserError(self.env._("Only a quotation can be filled this way."))
        return order

    # -- input → rows ---------------------------------------------------------
    def _b2b_parse_input(self):
        """The pasted text or the uploaded file → ParseResult; a refused
        input (empty, too large, not a workbook…) raises a UserError."""
        if self.source == "file":
            if not self.file:
                raise UserError(self.env._("Choose a file to upload."))
            try:
                data = base64.b64decode(self.file, validate=True)
            except (binascii.Error, ValueError) as error:
                raise UserError(self.env._("The file could not be read.")) from error
            parsed = read_order_file(self.filename or "", data)
        else:
            if not (self.text or "").strip():
                raise UserError(self.env._("Paste at least one line."))
            parsed = parse_order_text(self.text)
        refusals = [
            error
            for error in parsed.errors
            if not error.line_no or error.code == "too_many_lines"
        ]
        if refusals:
            raise UserError(self._b2b_message(refusals[0].code, refusals[0].detail))
        return parsed

    def _b2b_rows_from_lines(self):
        """Rows of the preview lines, as corrected by the manager. A line
        merged into another is left out unless it was edited (its quantity
        is already counted on the line it was merged into)."""
        rows, errors = [], []
        for line in self.line_ids:
            if line.status == "merged" and not line._b2b_is_edited():
                continue
            key = " ".join((line.key or "").split())
            if not key:
                errors.append((line.line_no, "missing_key"))
            elif float_compare(line.qty, 0.0, precision_digits=6) <= 0:
                errors.append((line.line_no, "not_positive"))
            else:
                qty = int(line.qty) if line.qty == int(line.qty) else line.qty
                rows.append(
                    Row(line.line_no, key, qty, line.unit or None, line.comment or "")
                )
        return rows, errors

    # -- preview → lines ------------------------------------------------------
    def _b2b_fill(self, rows, errors, notes=()):
        """Preview ``rows`` with the service and replace the lines."""
        order = self._b2b_check_order()
        entity = order.partner_id.commercial_partner_id
        # back-office user: not a member of the entity; checked above
        preview = (
            self.env["b2b.quick.order"]
            .sudo()
            .with_company(order.company_id)
            ._b2b_preview(entity, rows, errors)
        )
        note_texts, skipped = {}, {}
        for note in notes:
            if note.code in SKIP_NOTES:
                skipped.setdefault(note.code, []).append(note.line_no)
                continue
            note_texts.setdefault(note.line_no, []).append(
                self._b2b_message(note.code, note.detail)
            )
        statuses = dict(STATUSES)
        commands = [fields.Command.clear()]
        for line in preview["lines"]:
            status = line["status"] if line["status"] in statuses else "error"
            messages = note_texts.get(line["line_no"], [])
            messages = [self._b2b_line_message(line), *messages]
            commands.append(
                fields.Command.create(
                    {
                        "line_no": line["line_no"],
                        "key": line["key"] or "",
                        "qty": line["qty"],
                        "unit": line["unit"] or "",
                        "comment": line["comment"] or "",
                        "status": status,
                        "product_id": line["product_id"],
                        "uom_id": line["uom_id"],
                        "price_unit": line["price_unit"],
                        "subtotal": line["subtotal"],
                        "message": " ".join(filter(None, messages)),
                        "checked_key": line["key"] or "",
                        "checked_qty": line["qty"],
                    }
                )
            )
        self.write(
            {
                "line_ids": commands,
                "state": "preview",
                "total": preview["total"],
                "currency_id": preview["currency_id"],
                "skipped_note": "\n".join(
                    self.env._(
                        "Lines %(lines)s: %(text)s",
                        lines=line_ranges(lines),
                        text=self._b2b_message(code),
                    )
                    if len(lines) > 1
                    else self.env._(
                        "Line %(line)s: %(text)s",
                        line=lines[0],
                        text=self._b2b_message(code),
                    )
                    for code, lines in skipped.items()
                )
                or False,
            }
        )

    def _b2b_line_message(self, line):
        status = line["status"]
        if line.get("message"):
            # a violation of the order rules: the wording of every path
            return line["message"]
        product = self.env["product.product"].sudo()
        if status == "ok":
            texts = [
                self.env._("Line %(line)s added to this one.", line=other)
                for code, other in line["notes"]
                if code == "merged"
            ]
            return " ".join(texts)
        if status == "short":
            return self.env._(
                "Only %(free)s in stock: the rest is a pre-order.",
                free=self.env["res.lang"]._b2b_format_qty(line["free_qty"]),
            )
        if status == "ambiguous":
            candidates = product.browse(line["candidates"])
            return self.env._(
                "Several products match: %(products)s.",
                products=", ".join(candidates.mapped("display_name")),
            )
        if status == "merged":
            return self.env._(
                "Same product as line %(line)s: quantities added there.",
                line=line["merged_into"],
            )
        return self._b2b_message(status, line.get("detail"))

    def _b2b_message(self, code, detail=None):
        """The text of a status or parser code."""
        env = self.env
        messages = {
            "unknown": env._("No product has this SKU, barcode or customer code."),
            "not_in_assortment": env._("Not in this customer's assortment."),
            "archived": env._("The product is archived."),
            "unit_unsupported": env._(
                "The product is not sold in this unit (no packaging of this kind)."
            ),
            "too_large": env._("More than can be ordered at once."),
            "not_whole": env._("This product is sold in whole units."),
            "below_min": env._("Below the minimum quantity."),
            "not_multiple": env._("Not a multiple of the pack size."),
            "missing_key": env._("No SKU on this line."),
            "bad_quantity": env._("“%(text)s” is not a quantity."),
            "unknown_unit": env._("Unknown unit “%(text)s”."),
            "decimal_comma": env._(
                "%(text)s — decimal comma in a comma-separated file: use ; or quotes"
            ),
            "not_positive": env._("The quantity must be more than zero."),
            "qty_defaulted": env._("No quantity: 1 assumed."),
            "header_skipped": env._("Header line skipped."),
            "title_skipped": env._("Title rows above the header skipped."),
            "example_skipped": env._(
                "Example rows of the template skipped: they are never ordered."
            ),
            "merged": env._("Lines %(text)s of the same SKU added together."),
            "too_many_lines": env._(
                "More than %(text)s lines: split the order into several files."
            ),
            "text_too_large": env._("The text is too long."),
            "empty": env._("The file is empty."),
            "file_too_large": env._("The file is larger than 10 MB."),
            "unsupported_format": env._("Only CSV, XLSX and XLS files can be read."),
            "wrong_format": env._(
                "The content of the file does not match its extension."
            ),
            "encrypted": env._(
                "The workbook is protected by a password: save it without one."
            ),
            "archive_bomb": env._(
                "The workbook is far too large once unpacked: it is refused."
            ),
        }
        if isinstance(detail, tuple | list):
            detail = ", ".join(map(str, detail))
        text = messages.get(code, code)
        return text % {"text": detail} if "%(text)s" in text else text

    # -- actions --------------------------------------------------------------
    def action_check(self):
        """Parse the input and fill the preview. Nothing is written to the
        quotation."""
        self.ensure_one()
        self._b2b_check_order()
        parsed = self._b2b_parse_input()
        self._b2b_fill(parsed.rows, parsed.errors, parsed.notes)
        return self._b2b_reopen()

    def action_recheck(self):
        """Check the corrected lines again, without reading the input again."""
        self.ensure_one()
        rows, errors = self._b2b_rows_from_lines()
        self._b2b_fill(rows, errors)
        return self._b2b_reopen()

    def action_back(self):
        self.ensure_one()
        self.write({"state": "input", "line_ids": [fields.Command.clear()]})
        return self._b2b_reopen()

    def action_add(self):
        """Write the orderable lines into the quotation, in one write. Lines
        edited since the last check must be checked first; the preview is
        computed again, so that only what is orderable now is written."""
        self.ensure_one()
        order = self._b2b_check_order()
        if self.state != "preview":
            raise UserError(self.env._("Check the lines first."))
        if any(line._b2b_is_edited() for line in self.line_ids):
            raise UserError(
                self.env._("Some lines were changed: check them again first.")
            )
        self._b2b_fill(*self._b2b_rows_from_lines())
        quantities = {}
        for line in self.line_ids.filtered(lambda line: line.status in ORDERABLE):
            key = (line.product_id, line.uom_id or line.product_id.uom_id)
            quantities[key] = quantities.get(key, 0.0) + line.qty
        if not quantities:
            raise UserError(self.env._("No line can be added to the quotation."))
        order._b2b_add_products(quantities)
        return {"type": "ir.actions.act_window_close"}

    def _b2b_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Quick order"),
        }
