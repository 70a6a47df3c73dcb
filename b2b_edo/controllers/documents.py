from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

FILTERS = ("doc_type", "state", "date_from", "date_to", "search")


class B2bEdoDocumentsPortal(CustomerPortal):
    """/my/b2b/documents: the documents of the ACTIVE entity, for a role
    with "documents". Searched as the member: the record rules hold on top
    of the entity's filter; another entity's document is a 404."""

    def _b2b_edo_core_filters(self, kw):
        """The list's filters from the query string; bad values dropped."""
        Document = request.env["b2b.document"]
        types = dict(
            Document._fields["document_type"]._description_selection(request.env)
        )
        states = dict(Document._fields["state"]._description_selection(request.env))
        filters = {name: (kw.get(name) or "").strip()[:64] for name in FILTERS}
        if filters["doc_type"] not in types:
            filters["doc_type"] = ""
        if filters["state"] not in states or filters["state"] == "draft":
            filters["state"] = ""
        for name in ("date_from", "date_to"):
            try:
                fields.Date.to_date(filters[name])
            except ValueError:
                filters[name] = ""
        return filters, types, states

    def _b2b_edo_core_document(self, document_id):
        """``(entity, document)``: the active entity's document, else 404."""
        entity = b2b_active_entity("documents")
        Document = request.env["b2b.document"]
        document = Document.search(
            Document._b2b_portal_domain(entity) & Domain("id", "=", document_id),
            limit=1,
        )
        if not document:
            raise NotFound()
        return entity, document

    def _b2b_edo_core_membership(self, entity):
        return (
            request.env.user.sudo()
            .b2b_membership_ids.filtered(lambda m: m.active and m.entity_id == entity)
            .sudo(False)[:1]
        )

    @http.route(
        ["/my/b2b/documents", "/my/b2b/documents/page/<int:page>"],
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_edo_documents(self, page=1, **kw):
        entity = b2b_active_entity("documents")
        user = request.env.user
        filters, types, states = self._b2b_edo_core_filters(kw)
        Document = request.env["b2b.document"]
        domain = Document._b2b_portal_domain(entity, **filters)
        pager = portal_pager(
            url="/my/b2b/documents",
            url_args={name: value for name, value in filters.items() if value},
            total=Document.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        documents = Document.search(
            domain, limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_documents",
                "entity": entity,
                "documents": documents,
                "pager": pager,
                "filters": filters,
                "types": types,
                "states": {k: v for k, v in states.items() if k != "draft"},
                "links": entity._b2b_edo_portal_links(user),
                "missing": entity._b2b_edo_missing(),
                "membership": self._b2b_edo_core_membership(entity),
                "saved": kw.get("saved") == "1",
            }
        )
        return request.render("b2b_edo.portal_b2b_documents", values)

    @http.route(
        "/my/b2b/documents/<int:document_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_edo_document(self, document_id, **kw):
        entity, document = self._b2b_edo_core_document(document_id)
        return self._b2b_edo_core_render(
            entity, document, show_reject=kw.get("reject") == "1"
        )

    def _b2b_edo_core_render(self, entity, document, status=200, **extra):
        user = request.env.user
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_documents",
                "entity": entity,
                "document": document,
                "versions": document._b2b_versions(),
                "actions": document._b2b_portal_actions(user),
                **extra,
            }
        )
        return request.render("b2b_edo.portal_b2b_document", values, status=status)

    @http.route(
        "/my/b2b/documents/<int:document_id>/download",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_edo_document_download(self, document_id, **kw):
        _entity, document = self._b2b_edo_core_document(document_id)
        attachment = document.sudo().attachment_id
        if not attachment:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(attachment, "raw")
        return stream.get_response(as_attachment=True)

    @http.route(
        [
            "/my/b2b/documents/<int:document_id>/accept",
            "/my/b2b/documents/<int:document_id>/reject",
        ],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_edo_document_decide(self, document_id, reason=None, **kw):
        entity, document = self._b2b_edo_core_document(document_id)
        accept = request.httprequest.path.endswith("/accept")
        try:
            if not document._b2b_portal_decide(request.env.user, accept, reason):
                return self._b2b_edo_core_render(
                    entity,
                    document,
                    status=403,
                    error=request.env._("You may not decide on this document."),
                )
        except UserError as error:
            return self._b2b_edo_core_render(
                entity, document, status=400, error=str(error), show_reject=not accept
            )
        return request.redirect(document._b2b_portal_url(), 303)

    @http.route(
        "/my/b2b/documents/notifications",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_edo_notifications(self, mail=None, **kw):
        """The member's choice: an e-mail when a document arrives ("1") or
        none ("0"); anything else changes nothing."""
        entity = b2b_active_entity("documents")
        optout = {"1": False, "0": True}.get(mail)
        membership = self._b2b_edo_core_membership(entity)
        if optout is None or not membership:
            return request.redirect("/my/b2b/documents", 303)
        if membership.b2b_edo_mail_optout != optout:
            # checked: the user's own active membership of the active entity
            membership.sudo().b2b_edo_mail_optout = optout
        return request.redirect("/my/b2b/documents?saved=1", 303)

    # -- the card on /my ---------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "b2b_edo_waiting_count" in counters:
            card = request.env["b2b.document"]._b2b_portal_card(request.env.user)
            values["b2b_edo_waiting_count"] = card["waiting"] if card else 0
        return values
