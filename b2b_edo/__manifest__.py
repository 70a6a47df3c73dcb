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
        "data/b2b_edo_mail_templates.xml",
        "views/b2b_document_views.xml",
        "views/b2b_edo_menus.xml",
        "views/res_partner_views.xml",
        "views/portal_documents_templates.xml",
        "data/b2b_edo_provider_data.xml",
        "report/upd_report.xml",
        "report/upd_templates.xml",
        "views/upd_views.xml",
    ],
    "demo": ["demo/core_demo.xml", "demo/upd_demo.xml"],
    "assets": {
        "web.assets_tests": ["b2b_edo/static/tests/tours/**/*"],
    },
}
