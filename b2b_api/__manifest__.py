{
    "name": "B2B API",
    "summary": "A documented REST API for the buyer's own system: catalog, "
    "prices, stock and orders under the portal's rules, with API keys",
    "version": "19.0.1.0.0",
    "category": "Sales/Sales",
    "license": "LGPL-3",
    "author": "B2B Suite Team",
    "development_status": "Alpha",
    "maintainers": ["team-lead"],
    "depends": ["b2b_portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_api_rules.xml",
        "data/b2b_api_data.xml",
        "views/b2b_api_key_views.xml",
        "views/portal_api_templates.xml",
        "views/api_docs_templates.xml",
    ],
    "demo": ["demo/b2b_api_demo.xml"],
}
