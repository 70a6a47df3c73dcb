from . import controllers
from . import models
from . import wizards

# Odoo's domains of the sale portal rules that security/sale_rules.xml narrows
SALE_PORTAL_RULES = {
    "sale.sale_order_rule_portal": (
        "[('partner_id','child_of',[user.commercial_partner_id.id])]"
    ),
    "sale.sale_order_line_rule_portal": (
        "[('order_id.partner_id','child_of',[user.commercial_partner_id.id])]"
    ),
}


def uninstall_hook(env):
    """Give sale's portal rules back their own domains (they name fields of
    this addon, which go away with it)."""
    for xmlid, domain in SALE_PORTAL_RULES.items():
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.domain_force = domain
