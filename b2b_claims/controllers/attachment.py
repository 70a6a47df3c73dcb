from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController


class B2bClaimsAttachment(AttachmentController):
    """A buyer's file for a claim's chat is checked when it is uploaded, so
    a refused file is never stored (the message_post check stays for the
    files that reach a message another way)."""

    @http.route()
    def mail_attachment_upload(
        self, ufile, thread_id, thread_model, is_pending=False, **kwargs
    ):
        if thread_model not in request.env or not str(thread_id).isdigit():
            raise NotFound()  # Odoo's own answers a KeyError (500)
        if thread_model == "b2b.claim" and request.env.user.share:
            if not getattr(ufile, "filename", None):
                raise NotFound()
            claim = request.env["b2b.claim"].browse(int(thread_id))
            try:
                claim._b2b_check_chat_upload(ufile.filename, ufile.read())
            except UserError as exc:
                return request.make_json_response({"error": str(exc)})
            ufile.seek(0)
        return super().mail_attachment_upload(
            ufile, thread_id, thread_model, is_pending=is_pending, **kwargs
        )
