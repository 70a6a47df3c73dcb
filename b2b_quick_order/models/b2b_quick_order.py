"""Quick order: parsed rows → products of an entity → preview → cart.

Resolution (``_b2b_resolve``) finds the candidates of every key in ONE query:
a ``UNION ALL`` of the internal references, the barcodes and the entity's own
customer codes, each compared as ``lower(btrim(column)) = ANY(keys)`` with the
keys stripped and lower-cased in Python. The ORM has no case-insensitive
``in``: an ``=ilike`` per key would build a domain as long as the paste (and
scan the table once per key), while ``in`` on the upper/lower/original forms
misses mixed case (``AbC`` typed ``aBc``). The query is built with
``odoo.tools.SQL`` (no string formatting) and only returns ids. Buyers may
not read products: as the portal catalog does, they are read sudo after the
membership check, and only those of ``_b2b_catalog_domain`` are ever shown
or ordered. The preview adds one
batched price computation and one availability computation: the number of
queries does not depend on the number of lines.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare, float_is_zero

from odoo.addons.b2b_portal.tools.pricing import PriceLine

from ..tools.order_file import MAX_FILE_BYTES
from ..tools.order_text import (
    MAX_LINES,
    MAX_QUANTITY,
    RawRow,
    build_result,
    parse_order_text,
)

# statuses of a preview line; only these are written on confirmation
ORDERABLE = ("ok", "short")
# unit codes of the parser that name a packaging (uom.uom.b2b_packaging)
PACKAGINGS = ("pack", "box", "pallet")


def wanted_quantities(preview_lines):
    """``{(product id, unit id or False): qty}`` of the orderable lines of a
    preview sent back by a browser; malformed lines are left out."""
    wanted = {}
    for line in preview_lines:
        if line.get("status") not in ORDERABLE:
            continue
        product_id, qty = line.get("product_id"), line.get("qty")
        uom_id = line.get("uom_id") or False
        if not isinstance(product_id, int) or isinstance(product_id, bool):
            continue
        if not isinstance(uom_id, int):
            continue
        if not isinstance(qty, int | float) or isinstance(qty, bool):
            continue
        if not 0 < qty <= MAX_QUANTITY:
            continue
        key = (product_id, uom_id)
        wanted[key] = wanted.get(key, 0.0) + qty
    return wanted


def normalize_key(key):
    """The form keys are compared in: stripped, lower case (as SQL lower)."""
    return str(key or "").strip().lower()


class B2bQuickOrder(models.AbstractModel):
    _name = "b2b.quick.order"
    _description = "B2B quick order"

    @api.model
    def _b2b_messages(self):
        """Translated texts of the parser's and the preview's codes (the
        portal's pages and the API say the same)."""
        env = self.env
        return {
            # whole input refused
            "empty": env._("The file is empty."),
            "file_too_large": env._(
                "The file is larger than %(mb)s MB.", mb=MAX_FILE_BYTES // 2**20
            ),
            "text_too_large": env._("The text is too long."),
            "unsupported_format": env._(
                "This file type is not supported: upload a CSV, XLSX or XLS file."
            ),
            "wrong_format": env._(
                "The file's content does not match its extension (or it is "
                "damaged): save it again as CSV, XLSX or XLS."
            ),
            "encrypted": env._(
                "The workbook is protected by a password: save it without one."
            ),
            "archive_bomb": env._(
                "The file declares far more data than a price list holds; it "
                "was not read."
            ),
            "too_many_lines": env._(
                "More than %(count)s lines: split the order into several files.",
                count=MAX_LINES,
            ),
            # one line refused by the parser
            "missing_key": env._("No SKU on this line."),
            "bad_quantity": env._("This is not a quantity."),
            "not_positive": env._("The quantity must be more than zero."),
            "too_large": env._("More than can be ordered at once."),
            "unknown_unit": env._("Unknown unit: use шт, уп, кор or палл."),
            "decimal_comma": env._("Unclear quantity"),
            # preview statuses
            "ok": env._("OK"),
            "short": env._("More than in stock"),
            "unknown": env._("Unknown SKU"),
            "ambiguous": env._("Several products match"),
            "not_in_assortment": env._("Not in your assortment"),
            "archived": env._("No longer sold"),
            "merged": env._("Added to another line"),
            "unit_unsupported": env._("Not sold in this unit"),
            "not_whole": env._("Sold in whole units"),
            "below_min": env._("Below the minimum quantity"),
            "not_multiple": env._("Not a multiple of the pack size"),
            "short_stock": env._("Not enough in stock"),
            # parser notes
            "header_skipped": env._("Header line skipped."),
            "title_skipped": env._("Title rows above the header skipped."),
            "example_skipped": env._(
                "Example rows of the template skipped: they are never ordered."
            ),
            "qty_defaulted": env._("No quantity: 1 assumed."),
            "merged_note": env._("The same SKU on several lines: added up."),
        }

    @api.model
    def _b2b_parse(self, text=None, lines=None):
        """The parse (``tools.order_text.ParseResult``) of pasted ``text``,
        or of ``lines`` given one by one as ``(key, qty, unit, comment)``
        (an API's lines) through the same checks and merging."""
        if lines is None:
            return parse_order_text(text or "")
        return build_result(
            RawRow(number, key, qty, unit, comment)
            for number, (key, qty, unit, comment) in enumerate(lines, 1)
        )

    # -- resolution -----------------------------------------------------------
    @api.model
    def _b2b_candidates(self, entity, keys):
        """``{normalized key: set of product ids}`` for every key, in one
        query: internal reference, barcode, and ``entity``'s customer codes
        (never another entity's), archived products included. Each leg is
        an index lookup: the product's expression indexes
        (models/product_product.py) and the codes' unique index on
        ``(entity_id, lower(code))`` (codes are stored stripped)."""
        keys = sorted({normalize_key(k) for k in keys} - {""})
        if not keys:
            return {}
        # raw SQL on plain table names: flush what the ORM has not written yet
        self.env["product.product"].flush_model(["default_code", "barcode"])
        self.env["b2b.customer.code"].flush_model(["entity_id", "code", "product_id"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT id, lower(btrim(default_code)) FROM product_product
                 WHERE lower(btrim(default_code)) = ANY(%(keys)s)
                UNION ALL
                SELECT id, lower(btrim(barcode)) FROM product_product
                 WHERE lower(btrim(barcode)) = ANY(%(keys)s)
                UNION ALL
                SELECT product_id, lower(code) FROM b2b_customer_code
                 WHERE entity_id = %(entity)s AND lower(code) = ANY(%(keys)s)
                """,
                keys=keys,
                entity=entity.id,
            )
        )
        candidates = {}
        for product_id, key in rows:
            candidates.setdefault(key, set()).add(product_id)
        return candidates

    @api.model
    def _b2b_line_uom(self, product, unit_code):
        """The unit a line of ``product`` is ordered in, from the parser's
        unit code: the product's own unit, or one of its packagings of that
        kind (``uom.uom.b2b_packaging``); None when the product has none."""
        if not unit_code:
            return product.uom_id
        if unit_code == "pcs":
            # env.ref() checks the record exists, a query per call; the
            # xmlid lookup is cached
            unit_id = self.env["ir.model.data"]._xmlid_to_res_id("uom.product_uom_unit")
            return product.uom_id if product.uom_id.id == unit_id else None
        packagings = product.uom_ids.filtered(lambda u: u.b2b_packaging == unit_code)
        return packagings if len(packagings) == 1 else None

    @api.model
    def _b2b_resolve(self, entity, rows, errors=()):
        """Resolve parsed rows ``(line_no, key, qty, unit, comment)`` for
        ``entity``; ``errors`` are the parser's issues, passed through as lines
        with their own code as status.

        :return: list of dicts (line_no, key, qty, unit, comment, status,
            product, uom, candidates, notes), by line number
        """
        entity.with_env(self.env)._b2b_check_member()
        company = self.env.company
        # buyers may not read products: sudo after the membership check
        Product = (
            self.env["product.product"]
            .sudo()
            .with_company(company)
            .with_context(active_test=False)
        )
        candidates = self._b2b_candidates(entity, [row[1] for row in rows])
        all_ids = set().union(*candidates.values()) if candidates else set()
        products = Product.browse(sorted(all_ids))
        products.fetch(["active", "product_tmpl_id"])
        products.product_tmpl_id.fetch(["uom_id", "uom_ids", "is_storable"])
        # the lines are matched on ids: a recordset per line and filtered()
        # on it cost more than the rest of the resolution
        active = {product.id for product in products if product.active}
        catalog = set(
            Product.search(
                [("id", "in", list(active))]
                + Product._b2b_catalog_domain(entity, company)
            ).ids
        )
        Uom = self.env["uom.uom"].sudo()
        lines = []
        seen = {}  # (product, unit) → its first line
        for line_no, key, qty, unit_code, comment in rows:
            line = {
                "line_no": line_no,
                "key": key,
                "qty": qty,
                "unit": unit_code,
                "comment": comment,
                "status": "ok",
                "product": Product,
                "uom": Uom,
                "candidates": [],
                "notes": [],
            }
            lines.append(line)
            found = candidates.get(normalize_key(key))
            if not found:
                line["status"] = "unknown"
                continue
            orderable = sorted(found & catalog)
            if len(orderable) > 1:
                line.update(status="ambiguous", candidates=orderable)
                continue
            if not orderable:
                # products the entity may not see are never shown
                line["status"] = "not_in_assortment" if found & active else "archived"
                continue
            # in the prefetch set of all the products, so that their fields
            # are read at once
            product = products.browse(orderable).with_prefetch(products._prefetch_ids)
            line["product"] = product
            uom = self._b2b_line_uom(product, unit_code)
            if uom is None:
                line["status"] = "unit_unsupported"
                continue
            line["uom"] = uom
            if (product, uom) in seen:
                first = seen[product, uom]
                first["qty"] += qty
                first["notes"].append(("merged", line_no))
                line.update(status="merged", merged_into=first["line_no"])
                continue
            seen[product, uom] = line
        # ids in a set: "in" on a recordset walks it, once per line
        whole = set(
            Product.union(*(product for product, _uom in seen))._b2b_whole_units().ids
        )
        for (product, uom), line in seen.items():
            if line["qty"] > MAX_QUANTITY:
                line["status"] = "too_large"
            elif (product.id in whole or uom.b2b_packaging) and not float_is_zero(
                line["qty"] % 1, precision_digits=6
            ):
                line["status"] = "not_whole"
        lines += [
            {
                "line_no": error[0],
                "key": False,
                "qty": 0.0,
                "unit": None,
                "comment": None,
                "status": error[1],
                "detail": error[2] if len(error) > 2 else None,
                "product": Product,
                "uom": Uom,
                "candidates": [],
                "notes": [],
            }
            for error in errors
        ]
        lines.sort(key=lambda line: line["line_no"])
        return lines

    # -- preview --------------------------------------------------------------
    @api.model
    def _b2b_preview(self, entity, rows, errors=()):
        """Resolve ``rows``, then price (the pricing seam
        ``res.partner._b2b_price_lines``: price, quantity breaks), check the
        order rules (``sale.order._b2b_check_order_rules``: minimum, multiple,
        stock policy, with their messages) and the stock of every resolved
        line at once. Nothing is written.

        :return: {"lines": [plain dicts], "total": float, "currency_id": int}
        """
        company = self.env.company
        lines = self._b2b_resolve(entity, rows, errors)
        priced = [line for line in lines if line["status"] in ORDERABLE]
        products = (
            self.env["product.product"]
            .sudo()
            .union(*(line["product"] for line in priced))
        )
        contract = entity._b2b_default_contract()
        quotes = entity._b2b_price_lines(
            [(line["product"], line["qty"], line["uom"]) for line in priced],
            contract,
        )
        currency = (
            quotes[0].currency
            if quotes
            else (entity._b2b_pricelist(contract).currency_id or company.currency_id)
        )
        availability = products._b2b_availability(company) if products else {}
        # the order rules (one wording on every path): the products were
        # just found in the entity's catalog, their stock is read above; the
        # pages show the entity's blockers above the lines
        report = self.env["sale.order"]._b2b_check_order_rules(
            entity,
            [(line["product"], line["qty"], line["uom"]) for line in priced],
            contract,
            orderable=products,
            availability=availability,
            blockers=False,
        )
        for line, quote, check in zip(priced, quotes, report.lines, strict=True):
            line["quote"] = quote
            line["check"] = check
            if check.code:
                line["status"] = check.code
        total = 0.0
        result = []
        for line in lines:
            product, uom = line["product"], line["uom"]
            quote = line.get("quote") or PriceLine()
            check = line.get("check")
            price = subtotal = 0.0
            info = availability.get(product.id) or {}
            if line["status"] in ORDERABLE:
                price = quote.price_unit
                subtotal = currency.round(price * line["qty"])
                total += subtotal
                qty = uom._compute_quantity(
                    line["qty"], product.uom_id, raise_if_failure=False
                )
                if (
                    product.is_storable
                    and float_compare(
                        qty,
                        info.get("free_qty", 0.0),
                        precision_rounding=product.uom_id.rounding,
                    )
                    > 0
                ):
                    line["status"] = "short"
            result.append(
                {
                    "line_no": line["line_no"],
                    "key": line["key"],
                    "status": line["status"],
                    "detail": line.get("detail"),
                    "product_id": product.id or False,
                    "uom_id": uom.id or False,
                    "qty": line["qty"],
                    "unit": line["unit"],
                    "comment": line["comment"],
                    "price_unit": price,
                    "subtotal": subtotal,
                    "message": (check and check.message) or "",
                    "suggested_qty": (check and check.suggested_qty) or False,
                    "next_qty": quote.next_qty or False,
                    "next_price": quote.next_price or False,
                    "free_qty": info.get("free_qty", 0.0),
                    "incoming_date": fields.Date.to_date(info.get("incoming_date"))
                    or False,
                    "incoming_qty": info.get("incoming_qty", 0.0),
                    "candidates": line["candidates"],
                    "merged_into": line.get("merged_into", False),
                    "notes": line["notes"],
                }
            )
        return {
            "lines": result,
            "total": currency.round(total),
            "currency_id": currency.id,
        }

    # -- confirmation ---------------------------------------------------------
    @api.model
    def _b2b_confirm(self, entity, user, preview_lines, cart=None, history=None):
        """Write the orderable lines of a preview into ``cart`` (by default
        ``user``'s current cart of ``entity``), in one write, and record it
        in the history (``history``: values of ``b2b.quick.order.upload``
        such as source, file_name and line_count).

        Nothing from the browser is trusted: the role and the entity are
        checked again, the product ids are searched again in the entity's
        catalog, the units among the product's own, quantities are checked
        again; other lines are skipped.

        :return: (cart, number of lines written)
        """
        user._b2b_check(entity, "order")
        blockers = entity._b2b_order_blockers()
        if blockers:
            raise UserError("\n".join(blockers))
        wanted = wanted_quantities(preview_lines)
        # buyers may not read products: sudo after the role check
        Product = self.env["product.product"].sudo().with_company(self.env.company)
        products = Product.search(
            [("id", "in", list({product_id for product_id, _uom in wanted}))]
            + Product._b2b_catalog_domain(entity, self.env.company)
        )
        whole = set(products._b2b_whole_units().ids)
        found = set(products.ids)
        quantities = {}
        for (product_id, uom_id), qty in wanted.items():
            product = products.browse(product_id).with_prefetch(products._prefetch_ids)
            if product_id not in found:
                continue
            units = product.uom_id | product.uom_ids
            uom = units.filtered(lambda u, uom_id=uom_id: u.id == uom_id)
            if not uom and not uom_id:
                uom = product.uom_id
            if not uom or qty > MAX_QUANTITY:
                continue
            if (product_id in whole or uom.b2b_packaging) and qty % 1:
                continue
            quantities[product, uom] = qty
        if not quantities:
            raise UserError(self.env._("No line of this order can be added."))
        if cart is None:
            cart = user._b2b_current_cart(entity, create=True)
        elif cart.partner_id.commercial_partner_id != entity or cart.state != "draft":
            raise UserError(self.env._("This cart cannot take these lines."))
        before = cart.amount_untaxed
        cart._b2b_add_products(quantities)
        if history is not None:
            self.env["b2b.quick.order.upload"].sudo().create(
                {
                    "entity_id": entity.id,
                    "user_id": user.id,
                    "order_id": cart.id,
                    "added_count": len(quantities),
                    "skipped_count": max(
                        history.get("line_count", 0) - len(quantities), 0
                    ),
                    "amount": cart.amount_untaxed - before,
                    "currency_id": cart.currency_id.id,
                    "company_id": cart.company_id.id,
                    **history,
                }
            )
        return cart, len(quantities)
