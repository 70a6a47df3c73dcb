{
    "name": "B2B Claims",
    "summary": "Claims on delivered goods: lines, demands and decisions, chat, "
    "deadlines, a copy to management, credit notes, returns and replacements",
    "version": "19.0.1.0.0",
    "category": "Sales/Sales",
    "license": "LGPL-3",
    "author": "B2B Suite Team",
    "development_status": "Alpha",
    "maintainers": ["team-lead"],
    "depends": ["b2b_portal", "stock", "account"],
    "data": [
        "security/b2b_claims_security.xml",
        "security/ir.model.access.csv",
        "security/b2b_claims_rules.xml",
        "data/b2b_claims_data.xml",
        "views/b2b_claim_views.xml",
        "views/b2b_claim_type_views.xml",
        "views/b2b_claims_menus.xml",
        "views/portal_claims_templates.xml",
        "report/b2b_claim_reports.xml",
    ],
    "demo": ["demo/claims_demo.xml"],
    "assets": {
        "web.assets_tests": ["b2b_claims/static/tests/tours/**/*"],
    },
}
