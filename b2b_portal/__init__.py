from . import controllers
from . import models
from . import wizards

# Odoo's domains of the portal rules that security/sale_rules.xml and
# security/account_rules.xml narrow
ODOO_PORTAL_RULES = {
    "sale.sale_order_rule_portal": (
        "[('partner_id','child_of',[user.commercial_partner_id.id])]"
    ),
    "sale.sale_order_line_rule_portal": (
        "[('order_id.partner_id','child_of',[user.commercial_partner_id.id])]"
    ),
    "account.account_invoice_rule_portal": (
        "[('state', 'not in', ('cancel', 'draft')), ('move_type', 'in', "
        "('out_invoice', 'out_refund', 'in_invoice', 'in_refund')), "
        "('partner_id','child_of',[user.commercial_partner_id.id])]"
    ),
    "account.account_invoice_line_rule_portal": (
        "[('parent_state', 'not in', ('cancel', 'draft')), "
        "('move_id.move_type', 'in', "
        "('out_invoice', 'out_refund', 'in_invoice', 'in_refund')), "
        "('move_id.partner_id','child_of',[user.commercial_partner_id.id])]"
    ),
}


def uninstall_hook(env):
    """Give sale's and account's portal rules back their own domains (they
    name fields of this addon, which go away with it)."""
    for xmlid, domain in ODOO_PORTAL_RULES.items():
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.domain_force = domain
