from odoo import models
from odoo.exceptions import UserError

from ..tools import uploads


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _b2b_upload_messages(self):
        """The buyer's message of each error code of tools/uploads.py."""
        return {
            "empty": self.env._("The file %(name)s is empty."),
            "too_large": self.env._("The file %(name)s is larger than %(max_mb)s MB."),
            "extension": self.env._(
                "%(name)s: only these files are accepted: %(allowed)s."
            ),
            "mismatch": self.env._(
                "The file %(name)s is not a real %(extension)s file."
            ),
            "svg": self.env._(
                "%(name)s: SVG images are not accepted; send a PDF, JPEG or PNG."
            ),
            "pdf_active": self.env._(
                "The PDF %(name)s contains scripts or embedded files; save it "
                "again as a plain PDF (print to PDF) and send that."
            ),
        }

    def _b2b_check_upload(
        self, filename, content, kinds=("pdf", "jpeg", "png"), max_bytes=None
    ):
        """The ``UploadCheck`` of an accepted upload, or a UserError with a
        clear message before anything is stored."""
        check = uploads.check_upload(
            filename, content, kinds=kinds, max_bytes=max_bytes or uploads.MAX_BYTES
        )
        if not check.ok:
            raise UserError(
                self._b2b_upload_messages()[check.error]
                % dict(check.params, name=filename or "")
            )
        return check
