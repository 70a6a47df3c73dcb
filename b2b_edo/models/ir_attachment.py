from odoo import api, models
from odoo.exceptions import UserError

# what makes an attachment another file, or another record's
GUARDED_VALUES = {
    "datas",
    "raw",
    "db_datas",
    "store_fname",
    "res_id",
    "res_model",
    "res_field",
    "type",
    "url",
    "company_id",
}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _b2b_edo_check_locked(self):
        """Refuse to change or delete the file of a final B2B document (as
        account's restrictive audit trail guards a posted invoice's PDF):
        for anyone, sudo included."""
        Chained = self.env["b2b.edo.chained"]
        chained = set(Chained._b2b_chained_models())
        attachments = self.sudo().filtered(
            lambda a: a.res_model in chained and a.res_id
        )
        for model, group in attachments.grouped("res_model").items():
            records = self.env[model].sudo().browse(set(group.mapped("res_id")))
            for record in records.exists():
                if record._b2b_is_locked() and (
                    record._b2b_locked_attachments() & group
                ):
                    raise UserError(
                        self.env._(
                            "The file of %(record)s is final: it cannot be replaced "
                            "or deleted.",
                            record=record.display_name,
                        )
                    )

    def write(self, vals):
        if vals.keys() & GUARDED_VALUES:
            self._b2b_edo_check_locked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_b2b_edo_final(self):
        self._b2b_edo_check_locked()
