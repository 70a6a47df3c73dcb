"""JSON Schemas of the read endpoints' answers and bodies (plain dicts:
OpenAPI 3.1 takes JSON Schema as it is)."""

NUMBER = {"type": "number"}
NULLABLE_STRING = {"type": ["string", "null"]}

ENTITY = {
    "type": "object",
    "required": ["id", "name", "inn", "role", "capabilities"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "inn": NULLABLE_STRING,
        "kpp": NULLABLE_STRING,
        "ogrn": NULLABLE_STRING,
        "verification": {"type": "string"},
        "role": {"type": "string", "enum": ["owner", "buyer", "accountant", "viewer"]},
        "capabilities": {"type": "array", "items": {"type": "string"}},
        "can_order": {"type": "boolean"},
        "contract": {
            "type": ["object", "null"],
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
        },
    },
}

ENTITIES = {
    "type": "object",
    "required": ["entities"],
    "properties": {"entities": {"type": "array", "items": ENTITY}},
}

PRICE = {
    "type": "object",
    "required": ["unit_price", "currency"],
    "properties": {
        "unit_price": NUMBER,
        "currency": NULLABLE_STRING,
        "price_type": NULLABLE_STRING,
        "breaks": {
            "type": "array",
            "description": "Quantities from which the unit price is lower",
            "items": {
                "type": "object",
                "properties": {"min_qty": NUMBER, "price": NUMBER},
            },
        },
        "min_qty": {"type": "number", "description": "0: no minimum"},
        "multiple": {"type": "number", "description": "0: any quantity"},
        "fixed_until": NULLABLE_STRING,
    },
}

STOCK = {
    "type": "object",
    "properties": {
        "free_qty": NUMBER,
        "incoming_date": {"type": ["string", "null"], "format": "date"},
        "incoming_qty": NUMBER,
    },
}

CATALOG_ITEM = {
    "type": "object",
    "required": ["id", "sku", "name", "price", "stock"],
    "properties": {
        "id": {"type": "integer"},
        "sku": {"type": "string"},
        "name": {"type": "string"},
        "barcode": NULLABLE_STRING,
        "category": {
            "type": ["object", "null"],
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
        },
        "unit": {"type": "string"},
        "price": PRICE,
        "stock": STOCK,
        "updated_at": {"type": "string", "format": "date-time"},
    },
}

NEXT_CURSOR = {
    "type": ["string", "null"],
    "description": "Pass it as `cursor` for the next page; null: last page",
}


def page(key, item, **extra):
    """The schema of one page of a list: its ``key`` holding ``item``s, the
    next page's cursor, and ``extra`` properties."""
    return {
        "type": "object",
        "required": [key, "next_cursor"],
        "properties": {
            key: {"type": "array", "items": item},
            "next_cursor": NEXT_CURSOR,
            **extra,
        },
    }


CATALOG_PAGE = page("items", CATALOG_ITEM)

PRODUCT = {
    **CATALOG_ITEM,
    "properties": {
        **CATALOG_ITEM["properties"],
        "description": {"type": "string"},
        "weight": NUMBER,
    },
}

PRICES_REQUEST = {
    "type": "object",
    "required": ["lines"],
    "additionalProperties": False,
    "properties": {
        "lines": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1000,
            "items": {
                "type": "object",
                "required": ["sku", "qty"],
                "additionalProperties": False,
                "properties": {
                    "sku": {"type": "string", "minLength": 1, "maxLength": 100},
                    "qty": {"type": "number", "exclusiveMinimum": 0, "maximum": 1e9},
                    "unit": {"type": "string", "maxLength": 64},
                },
            },
        }
    },
}

PRICE_LINE = {
    "type": "object",
    "required": ["sku", "qty", "status"],
    "properties": {
        "sku": {"type": "string"},
        "qty": NUMBER,
        "status": {"type": "string", "enum": ["ok", "unknown_sku", "unknown_unit"]},
        "unit": {"type": "string"},
        "name": {"type": "string"},
        **PRICE["properties"],
        "subtotal": NUMBER,
        "violation": {
            "type": ["string", "null"],
            "description": "below_min or not_multiple (with b2b_pricelist)",
        },
        "suggested_qty": {"type": ["number", "null"]},
    },
}

PRICES_ANSWER = {
    "type": "object",
    "required": ["lines"],
    "properties": {"lines": {"type": "array", "items": PRICE_LINE}},
}
