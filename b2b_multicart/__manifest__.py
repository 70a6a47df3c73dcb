{
    "name": "B2B Multi-Cart",
    "summary": "Several named carts per buyer and legal entity; move, share, "
    "merge for review, order with one invoice, split by availability",
    "version": "19.0.1.0.0",
    "category": "Sales/Sales",
    "license": "LGPL-3",
    "author": "B2B Suite Team",
    "development_status": "Alpha",
    "maintainers": ["team-lead"],
    "depends": ["b2b_portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_multicart_rules.xml",
        "data/ir_config_parameter.xml",
        "data/mail_template.xml",
        "data/ir_cron.xml",
        "views/sale_order_views.xml",
        "views/portal_cart_templates.xml",
        "views/portal_order_templates.xml",
    ],
    "demo": ["demo/b2b_multicart_demo.xml"],
    "assets": {
        "web.assets_frontend": ["b2b_multicart/static/src/interactions/**/*"],
        "web.assets_tests": ["b2b_multicart/static/tests/tours/**/*"],
    },
}
