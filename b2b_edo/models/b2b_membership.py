from odoo import fields, models


class B2bMembership(models.Model):
    _inherit = "b2b.membership"

    b2b_edo_mail_optout = fields.Boolean(
        string="No document e-mails",
        help="This member gets no e-mail when the supplier sends a document "
        "to the entity (set by the member on the documents page).",
    )
