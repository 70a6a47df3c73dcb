{
    "name": "B2B Quick Order",
    "summary": "Fill the cart by paste, file upload or catalog picks",
    "version": "19.0.1.0.0",
    "license": "LGPL-3",
    "author": "B2B Suite Team",
    "development_status": "Alpha",
    "maintainers": ["team-lead"],
    "depends": ["b2b_portal"],
    "external_dependencies": {"python": ["openpyxl", "xlrd"]},
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_quick_order_rules.xml",
        "views/b2b_customer_code_views.xml",
        "views/portal_quick_order_templates.xml",
        "views/b2b_quick_order_wizard_views.xml",
        "views/portal_order_templates.xml",
    ],
    "assets": {
        "web.assets_tests": ["b2b_quick_order/static/tests/tours/**/*"],
    },
}
