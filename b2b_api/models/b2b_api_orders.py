"""Carts and orders for the API, through the portal's own seams.

Carts are found, made and changed with the methods the portal calls
(``res.users._b2b_cart_by_id``, ``_b2b_current_cart``, b2b_multicart's
``_b2b_new_cart``, ``_b2b_update_lines`` and ``_b2b_checkout`` when it is
installed; ``sale.order._b2b_add_products`` and the order rules
``_b2b_check_own_rules`` always). Without b2b_multicart a buyer has one
cart per entity (b2b_portal's current cart) and its checkout confirms it
after the same order rules.
"""

import datetime
from dataclasses import dataclass

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from ..tools.errors import ApiError


@dataclass
class ApiOrderFilters:
    """The checked filters of an order list: ``after`` from the cursor."""

    updated_since: object = None
    after: int = 0
    limit: int = 50


def _iso(value):
    """A datetime as the API writes it (UTC, ``Z``), a date as ISO."""
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds") + "Z"
    return value.isoformat()


class B2bApiOrders(models.AbstractModel):
    _name = "b2b.api.orders"
    _description = "B2B API carts and orders"

    # -- lines in -------------------------------------------------------------
    @api.model
    def _b2b_resolve_lines(self, entity, rows, company=None):
        """``{(product, unit): qty}`` of ``rows`` ([{"sku", "qty",
        "unit"?}], checked by the schema), the products searched in the
        entity's catalog in one query, as ``product.product._b2b_api_prices``
        does. Unknown SKUs or units refuse the whole call (422
        ``invalid_lines``, one detail per line): nothing is written."""
        company = company or self.env.user.company_id
        answers = self.env["product.product"]._b2b_api_prices(entity, rows, company)
        Product = self.env["product.product"].sudo().with_company(company)
        products = Product.search(
            Domain(Product._b2b_catalog_domain(entity, company))
            & Domain("default_code", "in", sorted({row["sku"] for row in rows}))
        )
        by_sku = {product.default_code: product for product in products}
        units = (
            self.env["uom.uom"]
            .sudo()
            .search(
                [("name", "in", sorted({a["unit"] for a in answers if a.get("unit")}))]
            )
        )
        wanted, issues = {}, []
        for number, (row, answer) in enumerate(zip(rows, answers, strict=True)):
            if answer["status"] != "ok":
                issues.append(self._b2b_line_issue(number, row, answer["status"]))
                continue
            product = by_sku[row["sku"]]
            unit = units.filtered(
                lambda u, name=answer["unit"], product=product: u.name == name
                and u._has_common_reference(product.uom_id)
            )[:1]
            key = (product, unit or product.uom_id)
            wanted[key] = wanted.get(key, 0.0) + row["qty"]
        if issues:
            raise ApiError(
                422,
                "invalid_lines",
                self.env._("Some lines cannot be ordered: see the details."),
                details=issues,
            )
        return wanted

    @api.model
    def _b2b_line_issue(self, number, row, code):
        texts = {
            "unknown_sku": self.env._(
                "No product %(sku)s in your catalog.", sku=row["sku"][:100]
            ),
            "unknown_unit": self.env._(
                "%(sku)s is not sold in the unit %(unit)s.",
                sku=row["sku"][:100],
                unit=(row.get("unit") or "")[:64],
            ),
        }
        return {
            "field": f"lines[{number}]",
            "code": code,
            "message": texts.get(code, code),
        }

    # -- carts ----------------------------------------------------------------
    @api.model
    def _b2b_carts(self, user, entity):
        """The open carts of ``user`` for ``entity`` (sudo): b2b_multicart's
        named and shared carts, else b2b_portal's one current cart."""
        if hasattr(user, "_b2b_carts"):
            return user._b2b_carts(entity)
        return user._b2b_current_cart(entity)

    @api.model
    def _b2b_create_cart(self, user, entity, name=None, reference=None):
        """A new named cart (b2b_multicart), else the buyer's current cart,
        made if there is none (b2b_portal keeps one per entity)."""
        user._b2b_check(entity, "order")
        if hasattr(user, "_b2b_new_cart"):
            return user._b2b_new_cart(entity, name or self.env._("Cart"), reference)
        cart = user._b2b_current_cart(entity, create=True)
        if reference:
            cart.client_order_ref = reference.strip()[:64]
        return cart

    def _b2b_api_add_lines(self, cart, rows):
        """Add ``rows`` to ``cart`` (one write, the order rules checked)."""
        entity = cart.b2b_entity_id
        quantities = self._b2b_resolve_lines(entity, rows, cart.company_id)
        cart._b2b_add_products(quantities)
        return cart

    @api.model
    def _b2b_cart_line(self, cart, line_id):
        line = cart.order_line.filtered(
            lambda line: line.id == line_id
            and not line.display_type
            and not line.is_downpayment
        )
        if not line:
            raise ApiError(
                404, "not_found", self.env._("This line is not in this cart.")
            )
        return line

    @api.model
    def _b2b_set_line(self, cart, line_id, qty):
        """Set a line's quantity (0 removes it) under the order rules."""
        line = self._b2b_cart_line(cart, line_id)
        removed = line if not qty else line.browse()
        quantities = {} if removed else {line: qty}
        if hasattr(cart, "_b2b_update_lines"):
            cart._b2b_update_lines(quantities, removed, None)
            return cart
        if cart.state != "draft":
            raise UserError(self.env._("Only a draft order can be changed."))
        cart._b2b_assert_order_rules(cart._b2b_check_own_rules(set_qty={line: qty}))
        command = (
            Command.unlink(line.id)
            if removed
            else Command.update(line.id, {"product_uom_qty": qty})
        )
        cart.write({"order_line": [command]})
        return cart

    @api.model
    def _b2b_checkout(self, user, entity, cart, values):
        """Order ``cart``: b2b_multicart's checkout (contract, delivery
        address, desired date, comment; confirmed or held for approval),
        else the order rules with the entity's blockers, then confirmed.
        ``values``: the checked body ({"contract_id"?, "shipping_id"?,
        "date"?, "note"?}). Returns the order (sudo)."""
        user._b2b_check(entity, "order")
        if hasattr(cart, "_b2b_checkout"):
            contract = cart.b2b_contract_id
            if values.get("contract_id"):
                contract = entity.sudo().b2b_contract_ids.filtered(
                    lambda c: c.id == values["contract_id"]
                )
            shipping = entity.browse()
            if values.get("shipping_id"):
                shipping = entity._b2b_delivery_addresses().filtered(
                    lambda p: p.id == values["shipping_id"]
                )
                if not shipping:
                    raise UserError(
                        self.env._("Choose a delivery address of your legal entity.")
                    )
            return cart._b2b_checkout(
                None,
                contract,
                shipping=shipping or None,
                date=values.get("date") and fields.Date.to_date(values["date"]),
                note=values.get("note"),
            )
        lines = cart.order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )
        if not lines:
            raise UserError(self.env._("The cart is empty: add products first."))
        cart._b2b_assert_order_rules(cart._b2b_check_own_rules())
        if values.get("note"):
            cart.note = values["note"][:2000]
        if values.get("date"):
            cart.commitment_date = fields.Date.to_date(values["date"])
        cart.action_confirm()
        return cart

    # -- answers --------------------------------------------------------------
    @api.model
    def _b2b_money(self, currency, amount):
        return currency.round(amount) if currency else amount

    def _b2b_line_dicts(self, order):
        lines = order.order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )
        named = lines.product_id.with_context(display_default_code=False)
        names = {product.id: product.display_name for product in named}
        currency = order.currency_id
        return [
            {
                "id": line.id,
                "sku": line.product_id.default_code or "",
                "name": names.get(line.product_id.id, line.name),
                "qty": line.product_uom_qty,
                "unit": line.product_uom_id.name,
                "price_unit": self._b2b_money(currency, line.price_unit),
                "subtotal": self._b2b_money(currency, line.price_subtotal),
            }
            for line in lines
        ]

    def _b2b_cart_dict(self, cart):
        """A cart (sudo, checked) as the API answers it."""
        cart = cart.sudo()
        label = cart._b2b_cart_label() if hasattr(cart, "_b2b_cart_label") else ""
        return {
            "id": cart.id,
            "name": label or cart.name,
            "reference": cart.client_order_ref or None,
            "contract": cart.b2b_contract_id
            and {"id": cart.b2b_contract_id.id, "name": cart.b2b_contract_id.name}
            or None,
            "currency": cart.currency_id.name,
            "amount_untaxed": self._b2b_money(cart.currency_id, cart.amount_untaxed),
            "amount_total": self._b2b_money(cart.currency_id, cart.amount_total),
            "lines": self._b2b_line_dicts(cart),
            "updated_at": _iso(cart.write_date),
        }

    def _b2b_order_dict(self, order, details=True):
        """An order (sudo, checked) as the API answers it; ``details``: its
        lines with what is delivered and invoiced, and its deliveries the
        buyer may read."""
        order = order.sudo()
        currency = order.currency_id
        answer = {
            "id": order.id,
            "name": order.name,
            "state": order.state,
            "status": order.b2b_portal_status or order.state,
            "awaiting_approval": bool(getattr(order, "b2b_awaiting_approval", False)),
            "date": _iso(order.date_order),
            "reference": order.client_order_ref or None,
            "contract": order.b2b_contract_id
            and {"id": order.b2b_contract_id.id, "name": order.b2b_contract_id.name}
            or None,
            "currency": currency.name,
            "amount_untaxed": self._b2b_money(currency, order.amount_untaxed),
            "amount_total": self._b2b_money(currency, order.amount_total),
            "updated_at": _iso(order.write_date),
        }
        if not details:
            return answer
        lines = self._b2b_line_dicts(order)
        by_id = {line.id: line for line in order.order_line}
        for item in lines:
            line = by_id[item["id"]]
            item.update(
                qty_delivered=line.qty_delivered,
                qty_invoiced=line.qty_invoiced,
                status=self._b2b_line_status(order, line),
            )
        answer["lines"] = lines
        # the deliveries the buyer may read (the portal's record rules)
        Picking = self.env["stock.picking"]
        pickings = (
            Picking.search([("sale_id", "=", order.id)], order="id")
            if "sale_id" in Picking._fields and Picking.has_access("read")
            else []
        )
        answer["deliveries"] = [
            {
                "id": picking.id,
                "name": picking.name,
                "state": picking.state,
                "scheduled_date": _iso(picking.scheduled_date),
                "date_done": _iso(picking.date_done),
            }
            for picking in pickings
        ]
        return answer

    @api.model
    def _b2b_line_status(self, order, line):
        if order.state == "cancel":
            return "cancelled"
        if order.state != "sale":
            return "pending"
        rounding = line.product_uom_id.rounding or 0.01
        if line.qty_delivered >= line.product_uom_qty - rounding / 2:
            return "delivered"
        return "partial" if line.qty_delivered > 0 else "to_deliver"

    # -- orders ---------------------------------------------------------------
    @api.model
    def _b2b_orders_domain(self, entity):
        """The portal's order list of ``entity``: its own orders, no carts."""
        return Domain("b2b_entity_id", "=", entity.id) & Domain(
            self.env["sale.order"]._b2b_not_cart_domain()
        )

    @api.model
    def _b2b_orders(self, entity, filters):
        """``(orders, more)``: a page of ``entity``'s orders in id order, as
        the buyer reads them (record rules apply)."""
        domain = self._b2b_orders_domain(entity)
        if filters.updated_since:
            domain &= Domain("write_date", ">=", filters.updated_since)
        if filters.after:
            domain &= Domain("id", ">", filters.after)
        orders = self.env["sale.order"].search(
            domain, order="id", limit=filters.limit + 1
        )
        return orders[: filters.limit], len(orders) > filters.limit

    @api.model
    def _b2b_order(self, entity, order_id):
        order = self.env["sale.order"].search(
            self._b2b_orders_domain(entity) & Domain("id", "=", order_id), limit=1
        )
        if not order:
            raise ApiError(404, "not_found", self.env._("This order does not exist."))
        return order
