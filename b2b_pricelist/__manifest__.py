{
    "name": "B2B Price Types",
    "summary": "Price types per group, entity or contract; quantity breaks; "
    "turnover levels; price fixation",
    "version": "19.0.1.0.0",
    "category": "Sales/Sales",
    "license": "LGPL-3",
    "author": "B2B Suite Team",
    "development_status": "Alpha",
    "maintainers": ["team-lead"],
    "depends": ["b2b_portal"],
    "data": [
        "security/b2b_pricelist_security.xml",
        "security/ir.model.access.csv",
        "data/b2b_pricelist_data.xml",
        "views/product_pricelist_views.xml",
        "views/b2b_level_views.xml",
        "views/res_partner_views.xml",
        "views/b2b_menus.xml",
        "views/portal_templates.xml",
    ],
    "demo": ["demo/b2b_pricelist_demo.xml"],
    "assets": {"web.assets_tests": ["b2b_pricelist/static/tests/tours/**/*"]},
}
