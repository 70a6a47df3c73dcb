from . import (
    account_move,
    b2b_contract,
    b2b_level,
    b2b_level_history,
    product_pricelist,
    product_pricelist_item,
    product_template,
    res_company,
    res_partner,
    res_partner_category,
    sale_order,
    sale_order_line,
)
