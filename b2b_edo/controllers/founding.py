from werkzeug.exceptions import Forbidden

from odoo.exceptions import UserError
from odoo.http import request, route

from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity
from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.founding_res_partner import FOUNDING_URL

BADGES = {
    "missing": "text-bg-secondary",
    "waiting": "text-bg-info",
    "accepted": "text-bg-success",
    "rejected": "text-bg-danger",
}


class B2bEdoFoundingPortal(CustomerPortal):
    """The founding documents of the ACTIVE entity: the checklist with each
    item's status, the buyer's uploads (owners and accountants), and the
    supplier's own published documents. Members whose role has "documents"
    read the page."""

    def _b2b_edo_founding_file_url(self, document):
        """The documents section's download route of ``document``: it checks
        the active entity and the role on every request, where a token link
        to the attachment would open the file to whoever holds the link."""
        return (
            f"/my/b2b/documents/{document.id}/download"
            if document.sudo().attachment_id
            else ""
        )

    def _b2b_edo_founding_values(self, entity, error=None, uploaded=None):
        user = request.env.user
        Document = request.env["b2b.document"]
        checklist = entity._b2b_founding_checklist()
        # read as the user: the record rules decide what the page shows
        readable = Document.search(
            [("id", "in", [status.document_id for _item, status in checklist])]
        )
        rows = []
        for item, status in checklist:
            document = readable.filtered(lambda d, s=status: d.id == s.document_id)
            rows.append(
                {
                    "item": item,
                    "status": status,
                    "label": entity._b2b_founding_status_label(status.status),
                    "badge": BADGES[status.status],
                    "document": document,
                    "url": document and self._b2b_edo_founding_file_url(document),
                }
            )
        published = Document._b2b_published_documents()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_edo_founding",
                "b2b_entity": entity,
                "rows": rows,
                "can_upload": user._b2b_can(entity, "founding_upload"),
                "published": [
                    (document, self._b2b_edo_founding_file_url(document))
                    for document in published
                ],
                "error": error,
                "uploaded": uploaded,
            }
        )
        return values

    @route(FOUNDING_URL, type="http", auth="user", methods=["GET"], website=True)
    def portal_b2b_edo_founding(self, uploaded=None, **kw):
        entity = b2b_active_entity("documents")
        item = request.env["b2b.founding.item"].browse(
            int(uploaded) if (uploaded or "").isdigit() else 0
        )
        values = self._b2b_edo_founding_values(
            entity, uploaded=item.exists() and item.name
        )
        return request.render("b2b_edo.portal_b2b_edo_founding", values)

    @route(
        f"{FOUNDING_URL}/upload",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_b2b_edo_founding_upload(self, item_id=None, file=None, **kw):
        entity = b2b_active_entity("founding_upload")
        Item = request.env["b2b.founding.item"]
        item = Item._b2b_items_for(entity).filtered(
            lambda i: str(i.id) == str(item_id or "")
        )
        if not item:
            raise Forbidden()
        filename = getattr(file, "filename", "") or ""
        content = file.read() if file else b""
        try:
            with request.env.cr.savepoint():
                request.env["b2b.document"]._b2b_founding_upload(
                    entity, item, filename, content
                )
        except UserError as error:
            values = self._b2b_edo_founding_values(entity, error=str(error))
            return request.render("b2b_edo.portal_b2b_edo_founding", values, status=400)
        return request.redirect(f"{FOUNDING_URL}?uploaded={item.id}", 303)
