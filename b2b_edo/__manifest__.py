{
    "name": "B2B Documents (EDO)",
    "summary": "One documents section per legal entity: the supply contract "
    "by click-accept, founding documents, invoices for payment, UPD, "
    "reconciliation acts; versions and evidence nobody can alter",
    "version": "19.0.1.0.0",
    "category": "Sales/Sales",
    "license": "LGPL-3",
    "author": "B2B Suite Team",
    "development_status": "Alpha",
    "maintainers": ["team-lead"],
    "depends": ["b2b_portal"],
    "data": [
        "security/b2b_edo_security.xml",
        "security/ir.model.access.csv",
        "security/b2b_edo_rules.xml",
        "security/contract_rules.xml",
        "data/contract_data.xml",
        "report/contract_reports.xml",
        "views/b2b_document_views.xml",
        "views/b2b_edo_menus.xml",
        "views/contract_views.xml",
        "views/contract_portal_templates.xml",
    ],
    "demo": ["demo/contract_demo.xml"],
    "assets": {
        "web.assets_tests": ["b2b_edo/static/tests/tours/**/*"],
    },
}
