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
        "security/founding_rules.xml",
        "data/founding_checklist_data.xml",
        "views/b2b_document_views.xml",
        "views/b2b_edo_menus.xml",
        "views/founding_item_views.xml",
        "views/founding_document_views.xml",
        "views/founding_portal_templates.xml",
        "views/founding_res_config_settings_views.xml",
        "wizards/founding_reject_wizard_views.xml",
    ],
    "demo": ["demo/founding_demo.xml"],
    "assets": {
        "web.assets_tests": ["b2b_edo/static/tests/tours/**/*"],
    },
}
