"""JSON Schemas of the carts, quick order and orders endpoints."""

from .schemas import NULLABLE_STRING, NUMBER, PRICES_REQUEST, page

REF = {
    "type": ["object", "null"],
    "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
}

LINE = {
    "type": "object",
    "required": ["id", "sku", "qty", "unit", "price_unit", "subtotal"],
    "properties": {
        "id": {"type": "integer"},
        "sku": {"type": "string"},
        "name": {"type": "string"},
        "qty": NUMBER,
        "unit": {"type": "string"},
        "price_unit": NUMBER,
        "subtotal": NUMBER,
    },
}

CART = {
    "type": "object",
    "required": ["id", "name", "currency", "amount_total", "lines"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "reference": NULLABLE_STRING,
        "contract": REF,
        "currency": {"type": "string"},
        "amount_untaxed": NUMBER,
        "amount_total": NUMBER,
        "lines": {"type": "array", "items": LINE},
        "updated_at": {"type": "string", "format": "date-time"},
    },
}

CARTS = {
    "type": "object",
    "required": ["carts"],
    "properties": {"carts": {"type": "array", "items": CART}},
}

CART_CREATE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 100},
        "reference": {"type": "string", "maxLength": 64},
    },
}

# the lines of a cart: the price check's lines, up to 1,000
CART_LINES = PRICES_REQUEST

LINE_UPDATE = {
    "type": "object",
    "required": ["qty"],
    "additionalProperties": False,
    "properties": {
        "qty": {
            "type": "number",
            "minimum": 0,
            "maximum": 1e9,
            "description": "0 removes the line",
        }
    },
}

CHECKOUT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "contract_id": {"type": "integer", "minimum": 1},
        "shipping_id": {"type": "integer", "minimum": 1},
        "date": {"type": "string", "format": "date"},
        "note": {"type": "string", "maxLength": 2000},
    },
}

ORDER_LINE = {
    **LINE,
    "properties": {
        **LINE["properties"],
        "qty_delivered": NUMBER,
        "qty_invoiced": NUMBER,
        "status": {
            "type": "string",
            "enum": ["pending", "to_deliver", "partial", "delivered", "cancelled"],
        },
    },
}

DELIVERY = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "state": {"type": "string"},
        "scheduled_date": NULLABLE_STRING,
        "date_done": NULLABLE_STRING,
    },
}

ORDER_SUMMARY = {
    "type": "object",
    "required": ["id", "name", "state", "status", "amount_total", "currency"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "state": {"type": "string"},
        "status": {"type": "string"},
        "awaiting_approval": {"type": "boolean"},
        "date": NULLABLE_STRING,
        "reference": NULLABLE_STRING,
        "contract": REF,
        "currency": {"type": "string"},
        "amount_untaxed": NUMBER,
        "amount_total": NUMBER,
        "updated_at": {"type": "string", "format": "date-time"},
    },
}

ORDER = {
    **ORDER_SUMMARY,
    "required": [*ORDER_SUMMARY["required"], "lines", "deliveries"],
    "properties": {
        **ORDER_SUMMARY["properties"],
        "lines": {"type": "array", "items": ORDER_LINE},
        "deliveries": {"type": "array", "items": DELIVERY},
    },
}

CHECKOUT_ANSWER = {
    "type": "object",
    "required": ["order"],
    "properties": {"order": ORDER},
}

ORDERS_PAGE = page("orders", ORDER_SUMMARY)

QUICK_ORDER_REQUEST = {
    "type": "object",
    "additionalProperties": False,
    "description": "Either `lines` or `text` (pasted lines: SKU, quantity, unit)",
    "properties": {
        "lines": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10000,
            "items": {
                "type": "object",
                "required": ["sku", "qty"],
                "additionalProperties": False,
                "properties": {
                    "sku": {"type": "string", "minLength": 1, "maxLength": 100},
                    "qty": {"type": "number", "exclusiveMinimum": 0, "maximum": 1e9},
                    "unit": {
                        "type": "string",
                        "maxLength": 64,
                        "description": "pcs, pack, box, pallet (or шт, уп, кор, палл)",
                    },
                    "comment": {"type": "string", "maxLength": 200},
                },
            },
        },
        "text": {"type": "string", "minLength": 1, "maxLength": 10 * 1024 * 1024},
        "cart_id": {
            "type": "integer",
            "minimum": 1,
            "description": "confirm: the cart to add to (default: the current one)",
        },
        "cart_name": {
            "type": "string",
            "maxLength": 100,
            "description": "confirm: a new cart of this name (with named carts)",
        },
    },
}

QUICK_ORDER_LINE = {
    "type": "object",
    "required": ["line_no", "key", "status", "qty"],
    "properties": {
        "line_no": {"type": "integer"},
        "key": {"type": ["string", "null"]},
        "status": {"type": "string"},
        "status_text": {"type": "string"},
        "message": {"type": "string"},
        "product_id": {"type": ["integer", "null"]},
        "sku": NULLABLE_STRING,
        "qty": NUMBER,
        "unit": NULLABLE_STRING,
        "price_unit": NUMBER,
        "subtotal": NUMBER,
        "suggested_qty": {"type": ["number", "null"]},
        "free_qty": NUMBER,
        "incoming_date": NULLABLE_STRING,
        "candidates": {"type": "array"},
    },
}

QUICK_ORDER_PREVIEW = {
    "type": "object",
    "required": ["lines", "total", "currency", "orderable"],
    "properties": {
        "lines": {"type": "array", "items": QUICK_ORDER_LINE},
        "total": NUMBER,
        "currency": NULLABLE_STRING,
        "orderable": {"type": "integer", "description": "lines that can be ordered"},
        "blockers": {"type": "array", "items": {"type": "string"}},
    },
}

QUICK_ORDER_CONFIRM = {
    "type": "object",
    "required": ["cart", "added"],
    "properties": {"cart": CART, "added": {"type": "integer"}, "skipped": NUMBER},
}

INVOICE = {
    "type": "object",
    "required": ["id", "name", "type", "amount_total", "currency"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "type": {"type": "string", "enum": ["invoice", "credit_note"]},
        "date": NULLABLE_STRING,
        "due_date": NULLABLE_STRING,
        "currency": {"type": "string"},
        "amount_untaxed": NUMBER,
        "amount_total": NUMBER,
        "amount_residual": NUMBER,
        "payment_state": {"type": "string"},
        "orders": {"type": "array", "items": REF},
    },
}

INVOICES_PAGE = page("invoices", INVOICE)

DOCUMENT = {
    "type": "object",
    "required": ["id", "type", "name", "state"],
    "properties": {
        "id": {"type": "integer"},
        "type": {"type": "string"},
        "type_name": {"type": "string"},
        "number": NULLABLE_STRING,
        "name": {"type": "string"},
        "date": NULLABLE_STRING,
        "state": {"type": "string"},
        "order": REF,
        "invoice": REF,
        "file": NULLABLE_STRING,
        "file_mimetype": NULLABLE_STRING,
        "xml": {"type": "boolean", "description": "a UPD's XML is there"},
        "sha256": NULLABLE_STRING,
    },
}

DOCUMENTS_PAGE = page("documents", DOCUMENT)

CLAIM = {
    "type": "object",
    "required": ["id", "name", "state", "lines"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "state": {"type": "string"},
        "date": NULLABLE_STRING,
        "type": REF,
        "order": REF,
        "delivery": REF,
        "description": {"type": "string"},
        "currency": {"type": "string"},
        "amount_claimed": NUMBER,
        "amount_approved": NUMBER,
        "lines": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "move_line_id": {"type": "integer"},
                    "sku": {"type": "string"},
                    "qty": NUMBER,
                    "demand": {"type": "string"},
                    "decision": {"type": "string"},
                    "approved_qty": NUMBER,
                },
            },
        },
    },
}

CLAIMS_PAGE = page(
    "claims",
    CLAIM,
    types={
        "type": "array",
        "description": "The claim types (claim_type_id of a new claim)",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "kind": {"type": "string"},
            },
        },
    },
)

CLAIMABLE = {
    "type": "object",
    "required": ["lines"],
    "properties": {
        "lines": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "move_line_id": {"type": "integer"},
                    "sku": {"type": "string"},
                    "name": {"type": "string"},
                    "delivered_qty": NUMBER,
                    "unit": {"type": "string"},
                    "left_qty": NUMBER,
                    "delivery": {"type": "string"},
                },
            },
        }
    },
}

CLAIM_REQUEST = {
    "type": "object",
    "required": ["claim_type_id", "lines"],
    "additionalProperties": False,
    "description": "`order_id` or `picking_id`: what the claim is filed on",
    "properties": {
        "order_id": {"type": "integer", "minimum": 1},
        "picking_id": {"type": "integer", "minimum": 1},
        "claim_type_id": {"type": "integer", "minimum": 1},
        "description": {"type": "string", "maxLength": 5000},
        "lines": {
            "type": "array",
            "minItems": 1,
            "maxItems": 500,
            "items": {
                "type": "object",
                "required": ["move_line_id", "qty"],
                "additionalProperties": False,
                "properties": {
                    "move_line_id": {"type": "integer", "minimum": 1},
                    "qty": {"type": "number", "exclusiveMinimum": 0},
                    "demand": {
                        "type": "string",
                        "enum": [
                            "repair",
                            "reduction_amount",
                            "reduction_percent",
                            "compensation",
                            "replacement",
                            "refund",
                        ],
                    },
                    "demand_amount": {"type": "number", "minimum": 0},
                    "demand_percent": {"type": "number", "minimum": 0, "maximum": 100},
                    "reason": {"type": "string", "maxLength": 200},
                    "grounds": {"type": "string", "maxLength": 5000},
                },
            },
        },
    },
}
