"""Portal quick order: paste or upload → preview → fix in place → cart.

The lines travel with the page, not in a server-side session: the preview
form carries every input line as the buyer typed it (``rows``, JSON) and an
input per line for a fix in place. Each "Check again" and the final "Add to
cart" parse, resolve and price everything again on the server, so nothing the
browser sends back (a status, a price, a product id) is trusted, and nothing
is written before "Add to cart".
"""

import json

from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import float_repr

from odoo.addons.b2b_portal.controllers.catalog import B2bCatalog
from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity
from odoo.addons.b2b_portal.models.sale_order_rules import B2bOrderRulesError

from ..tools.order_file import MAX_FILE_BYTES, read_order_file
from ..tools.order_text import (
    MAX_LINES,
    MAX_TEXT_CHARS,
    SKIP_NOTES,
    RawRow,
    build_result,
    line_ranges,
    parse_order_text,
)

SOURCES = ("paste", "file", "catalog")
MAX_NAME = 100  # characters kept of a file name or a cart name
EDITABLE_LINES = 1000  # above, only lines with a problem get inputs


# problems shown with what the buyer typed
TYPED_PROBLEMS = ("bad_quantity", "not_positive", "unknown_unit")
FINE = ("ok", "short", "merged")


def _number_text(qty):
    return float_repr(qty, 6).rstrip("0").rstrip(".") if qty % 1 else str(int(qty))


def rows_state(parsed):
    """The input lines of a parse, as typed, in the JSON-able form the
    preview carries: ``[line_no, key, qty text, unit code, comment]``."""
    state = [
        [row.line_no, row.key, _number_text(row.qty), row.unit, row.comment]
        for row in parsed.rows
    ]
    state += [
        [line_no, key, qty, None, None] for line_no, (key, qty) in parsed.raw.items()
    ]
    return sorted(state, key=lambda row: row[0])


def parse_state(text, fixes=None):
    """The rows of a preview form back through the parser's checks, with
    the buyer's in-place fixes ``{line_no: {"key": …, "qty": …}}`` applied;
    ``None`` when the carried state is not ours."""
    try:
        state = json.loads(text or "[]")
    except ValueError:
        return None
    if not isinstance(state, list) or len(state) > MAX_LINES:
        return None
    fixes = fixes or {}
    raw = []
    for item in state:
        if not (isinstance(item, list) and len(item) == 5):
            return None
        line_no, key, qty, unit, comment = item
        if not isinstance(line_no, int) or isinstance(line_no, bool):
            return None
        if not all(isinstance(v, str | type(None)) for v in (key, qty, unit, comment)):
            return None
        fix = fixes.get(line_no, {})
        key, qty = fix.get("key", key), fix.get("qty", qty)
        raw.append(RawRow(line_no, key, qty, unit, comment))
    return build_result(raw)


class B2bQuickOrderPortal(B2bCatalog):
    def _b2b_qo_values(self, entity, **values):
        user = request.env.user
        History = request.env["b2b.quick.order.upload"]
        result = self._prepare_portal_layout_values()
        result.update(
            page_name="b2b_quick_order",
            entity=entity,
            history=History.search([("entity_id", "=", entity.id)], limit=10),
            source_labels=dict(
                History._fields["source"]._description_selection(request.env)
            ),
            can_name_cart=hasattr(user, "_b2b_new_cart"),
            max_lines=MAX_LINES,
            max_file_mb=MAX_FILE_BYTES // (1024 * 1024),
            blockers=entity._b2b_order_blockers(),
        )
        result.update(values)
        return result

    def _b2b_qo_messages(self):
        """Translated texts of the parser's and the preview's codes."""
        return request.env["b2b.quick.order"]._b2b_messages()

    def _b2b_qo_cart_label(self, cart):
        """The name a buyer knows ``cart`` by: its own name where carts have
        one (b2b_multicart), else the order's reference."""
        label = getattr(cart, "_b2b_cart_label", None)
        return label() if label else cart.name

    def _b2b_qo_notes(self, notes, messages):
        """The parser's notes as sentences: lines skipped on purpose once per
        kind and lines added up, naming all their lines; the others one per
        line."""
        env = request.env
        skipped = {}
        texts = []
        for note in notes:
            if note.code in SKIP_NOTES:
                skipped.setdefault(note.code, []).append(note.line_no)
                continue
            if note.code == "merged":  # detail: the lines added up
                texts.append((note.line_no, messages["merged_note"], note.detail))
                continue
            texts.append((note.line_no, messages.get(note.code, note.code), None))
        for code, lines in skipped.items():
            texts.append((lines[0], messages[code], lines))
        result = []
        for line_no, text, lines in sorted(texts, key=lambda item: item[0]):
            if lines and len(lines) > 1:
                result.append(
                    env._(
                        "Lines %(lines)s: %(text)s", lines=line_ranges(lines), text=text
                    )
                )
            elif line_no:
                result.append(env._("Line %(line)s: %(text)s", line=line_no, text=text))
            else:
                result.append(text)
        return result

    def _b2b_qo_details(self, lines, messages):
        """``{line_no: text}``: what was read on a refused line, and why."""
        env = request.env
        details = {}
        for line in lines:
            detail = line.get("detail")
            if not detail or not isinstance(detail, str):
                continue
            if line["status"] == "decimal_comma":
                details[line["line_no"]] = env._(
                    "%(qty)s — decimal comma in a comma-separated file: "
                    "use ; or quotes",
                    qty=detail,
                )
            elif line["status"] in TYPED_PROBLEMS:
                details[line["line_no"]] = f"“{detail}”"
        return details

    def _b2b_qo_headline(self, entity, parsed, preview, orderable, **options):
        """The sentences above the preview, saying what the lines are and
        where they go; counts after a colon, which reads right in Russian
        for any number. The lines read are all the non-blank ones: the rows
        of the table, the lines added up into them and the skipped ones."""
        env = request.env
        lines = preview["lines"]
        problems = sum(line["status"] not in FINE for line in lines)
        count = len(lines)
        for note in parsed.notes:
            if note.code == "merged":
                count += len(note.detail) - 1
            elif note.code in SKIP_NOTES:
                count += 1
        if options.get("file_name"):
            read = env._(
                "Lines read from %(file)s: %(count)s.",
                file=options["file_name"],
                count=count,
            )
        else:
            read = env._("Lines read: %(count)s.", count=count)
        if not orderable and not problems:
            state = env._(
                "No order line to add: the lines read were skipped (see below)."
            )
        elif not orderable:
            state = env._(
                "No line can be added to the cart yet: fix the lines marked in red."
            )
        elif problems:
            state = env._(
                "Lines to fix (marked in red): %(count)s. Fix them and check "
                "again, or add only the others; nothing is in the cart yet.",
                count=problems,
            )
        else:
            state = env._("Every line can be ordered; nothing is in the cart yet.")
        target = ""
        if orderable:
            cart = request.env.user._b2b_current_cart(entity, create=False)
            if cart:
                target = env._(
                    "The lines go to the cart “%(cart)s”.",
                    cart=self._b2b_qo_cart_label(cart),
                )
            else:
                target = env._("The lines go to a new cart.")
            if options.get("can_name_cart"):
                target += " " + env._(
                    "To put them in a new cart instead, name it below."
                )
        return {
            "read": read,
            "orderable_label": env._("Can be ordered:"),
            "state": state,
            "target": target,
            "problems": problems,
            "confirm": env._("Add to the cart (%(count)s)", count=orderable),
        }

    def _b2b_qo_render_preview(self, entity, parsed, source, file_name, **values):
        preview = request.env["b2b.quick.order"]._b2b_preview(
            entity, parsed.rows, parsed.errors
        )
        if values.pop("accept", False):
            suggested = {
                line["line_no"]: line["suggested_qty"]
                for line in preview["lines"]
                if line["suggested_qty"]
            }
            if suggested:
                parsed = build_result(
                    [
                        RawRow(
                            row.line_no,
                            row.key,
                            _number_text(suggested.get(row.line_no, row.qty)),
                            row.unit,
                            row.comment,
                        )
                        for row in parsed.rows
                    ]
                    + [
                        RawRow(line_no, key, qty)
                        for line_no, (key, qty) in parsed.raw.items()
                    ]
                )
                preview = request.env["b2b.quick.order"]._b2b_preview(
                    entity, parsed.rows, parsed.errors
                )
        products = (
            request.env["product.product"]
            .sudo()
            .browse(
                {line["product_id"] for line in preview["lines"] if line["product_id"]}
                | {pid for line in preview["lines"] for pid in line["candidates"]}
            )
            .with_context(active_test=False)
        )
        counts = {}
        for line in preview["lines"]:
            counts[line["status"]] = counts.get(line["status"], 0) + 1
        orderable = sum(counts.get(status, 0) for status in ("ok", "short"))
        messages = self._b2b_qo_messages()
        render = self._b2b_qo_values(
            entity,
            preview=preview,
            parsed=parsed,
            rows_json=json.dumps(rows_state(parsed), ensure_ascii=False),
            typed=dict(parsed.raw),
            products={p.id: p for p in products},
            uoms={
                u.id: u
                for u in request.env["uom.uom"]
                .sudo()
                .browse({line["uom_id"] for line in preview["lines"] if line["uom_id"]})
            },
            currency=request.env["res.currency"].browse(preview["currency_id"]),
            counts=counts,
            orderable=orderable,
            has_suggestions=any(line["suggested_qty"] for line in preview["lines"]),
            editable_all=len(preview["lines"]) <= EDITABLE_LINES,
            source=source,
            file_name=file_name,
            messages=messages,
            notes=self._b2b_qo_notes(parsed.notes, messages),
            details=self._b2b_qo_details(preview["lines"], messages),
        )
        render["headline"] = self._b2b_qo_headline(
            entity,
            parsed,
            preview,
            orderable,
            file_name=file_name,
            can_name_cart=render["can_name_cart"],
        )
        status = values.pop("status", 200)
        render.update(values)
        return request.render(
            "b2b_quick_order.portal_b2b_quick_order_preview", render, status=status
        )

    @http.route(
        "/my/b2b/quick-order", type="http", auth="user", methods=["GET"], website=True
    )
    def b2b_quick_order(self, added=None, cart=None, **kw):
        entity = b2b_active_entity("order")
        values = {}
        if added and cart and str(added).isdigit() and str(cart).isdigit():
            try:
                # only a cart of the active entity the user may read is linked
                order = request.env.user._b2b_cart_by_id(entity, int(cart))
            except (AccessError, MissingError):
                order = None
            if order:
                values.update(
                    added=request.env._(
                        "Lines added to the cart “%(cart)s”: %(count)s.",
                        cart=self._b2b_qo_cart_label(order),
                        count=int(added),
                    ),
                    cart=order,
                )
        return request.render(
            "b2b_quick_order.portal_b2b_quick_order",
            self._b2b_qo_values(entity, messages=self._b2b_qo_messages(), **values),
        )

    def _b2b_qo_parse_request(self, text, order_file, rows, post):
        """``(parsed, source, file name, error)`` of a preview request."""
        env = request.env
        source = post.get("source") if post.get("source") in SOURCES else "paste"
        file_name = (post.get("file_name") or "")[:MAX_NAME] or False
        if rows is not None:
            fixes = {}
            for name, value in post.items():
                field, _sep, number = name.partition("_")
                if field in ("key", "qty") and number.isdigit():
                    fixes.setdefault(int(number), {})[field] = (value or "")[:200]
            parsed = parse_state(rows, fixes)
            if parsed is None:
                raise BadRequest(env._("This preview cannot be read: start again."))
            return parsed, source, file_name, None
        upload = order_file if getattr(order_file, "filename", None) else None
        if upload:
            data = upload.read(MAX_FILE_BYTES + 1)
            return (
                read_order_file(upload.filename, data),
                "file",
                upload.filename[:MAX_NAME],
                None,
            )
        text = text or ""
        if not text.strip():
            return None, source, False, env._("Paste order lines or choose a file.")
        if len(text) > MAX_TEXT_CHARS:
            return None, source, False, self._b2b_qo_messages()["text_too_large"]
        return parse_order_text(text), "paste", False, None

    @http.route(
        "/my/b2b/quick-order/preview",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_quick_order_preview(
        self, text=None, order_file=None, rows=None, accept=None, **post
    ):
        entity = b2b_active_entity("order")
        try:
            parsed, source, file_name, error = self._b2b_qo_parse_request(
                text, order_file, rows, post
            )
        except (ValueError, BadRequest) as exc:
            parsed, error = None, str(getattr(exc, "description", None) or exc)
        if error:
            values = self._b2b_qo_values(
                entity, errors=[error], text=text, messages=self._b2b_qo_messages()
            )
            return request.render(
                "b2b_quick_order.portal_b2b_quick_order", values, status=400
            )
        whole = [
            e for e in parsed.errors if e.line_no == 0 or e.code == "too_many_lines"
        ]
        if whole:
            messages = self._b2b_qo_messages()
            values = self._b2b_qo_values(
                entity,
                errors=[messages.get(e.code, e.code) for e in whole],
                text=text,
                messages=messages,
            )
            return request.render(
                "b2b_quick_order.portal_b2b_quick_order", values, status=400
            )
        return self._b2b_qo_render_preview(
            entity, parsed, source, file_name, accept=bool(accept)
        )

    @http.route(
        "/my/b2b/quick-order/confirm",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_quick_order_confirm(self, rows=None, **post):
        entity = b2b_active_entity("order")
        user = request.env.user
        try:
            parsed, source, file_name, _error = self._b2b_qo_parse_request(
                None, None, rows or "[]", post
            )
        except (ValueError, BadRequest) as exc:
            raise BadRequest(str(getattr(exc, "description", None) or exc)) from exc
        QuickOrder = request.env["b2b.quick.order"]
        preview = QuickOrder._b2b_preview(entity, parsed.rows, parsed.errors)
        cart_name = (post.get("cart_name") or "").strip()[:MAX_NAME]
        history = {
            "source": source,
            "file_name": file_name,
            "line_count": len(preview["lines"]),
        }
        try:
            # all or nothing: the new cart, its lines and the history record
            with request.env.cr.savepoint():
                cart = None
                if cart_name and hasattr(user, "_b2b_new_cart"):
                    cart = user._b2b_new_cart(entity, cart_name)
                cart, count = QuickOrder._b2b_confirm(
                    entity, user, preview["lines"], cart=cart, history=history
                )
        except UserError as error:
            messages = (
                error.report.messages()
                if isinstance(error, B2bOrderRulesError)
                else [str(error)]
            )
            return self._b2b_qo_render_preview(
                entity, parsed, source, file_name, errors=messages, status=400
            )
        return request.redirect(
            f"/my/b2b/quick-order?added={count}&cart={cart.id}", 303
        )

    # -- several catalog rows at once go through the preview ----------------
    @http.route()
    def b2b_cart_add(self, **post):
        """Catalog rows get the catalog's checks (numbers, whole units,
        assortment, and the order rules of b2b_pricelist). When several rows
        are added and every quantity is a number but a line breaks a rule
        (a minimum, a multiple), nothing is added and the quick order preview
        of those rows is shown, with the catalog's messages, the suggested
        quantities and a fix in place, instead of a plain error."""
        entity = b2b_active_entity("order")
        filled = [
            key
            for key, value in post.items()
            if key.startswith("qty_") and (value or "").strip()
        ]
        quantities, errors = self._b2b_parse_quantities(entity, post)
        if len(filled) <= 1 or errors or len(quantities) != len(filled):
            return super().b2b_cart_add(**post)
        # the order rules of what the cart would hold
        report = request.env["sale.order"]._b2b_check_cart_addition(
            entity, request.env.user._b2b_current_cart(entity), quantities
        )
        if report.ok or report.blockers:
            return super().b2b_cart_add(**post)
        errors = report.messages()
        keys = {p: p.default_code or p.barcode for p in quantities}
        if not all(keys.values()):
            # a product without a SKU cannot be previewed: the plain path
            return super().b2b_cart_add(**post)
        raw = [
            RawRow(line_no, keys[product], _number_text(qty))
            for line_no, (product, qty) in enumerate(
                sorted(quantities.items(), key=lambda pair: keys[pair[0]]), 1
            )
        ]
        return self._b2b_qo_render_preview(
            entity, build_result(raw), "catalog", False, errors=errors, status=400
        )
