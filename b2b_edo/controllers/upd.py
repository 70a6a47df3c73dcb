from odoo.http import content_disposition, request, route

from odoo.addons.portal.controllers.portal import CustomerPortal


class B2bEdoUpdPortal(CustomerPortal):
    @route(
        "/my/b2b/documents/<int:document_id>/xml",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_edo_upd_xml(self, document_id, **kwargs):
        """The XML file of a UPD the user may read (the rules of the
        documents decide), as a download; 404 otherwise."""
        document = request.env["b2b.document"].browse(document_id).exists()
        if not document or not document.has_access("read"):
            raise request.not_found()
        attachment = document.sudo().xml_attachment_id
        if not attachment:
            raise request.not_found()
        # the whole name: it must equal the file's ИдФайл (Odoo's streams
        # cut names at 100 characters)
        return request.make_response(
            attachment.raw,
            headers=[
                ("Content-Type", "application/xml"),
                ("Content-Disposition", content_disposition(attachment.name)),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )
