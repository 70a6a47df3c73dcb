from werkzeug.exceptions import Forbidden, NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.b2b_portal.controllers.entities import b2b_member_entity
from odoo.addons.portal.controllers.portal import CustomerPortal

ACCEPT_URL = "/my/b2b/documents/%s/accept"


class B2bEdoContractPortal(CustomerPortal):
    """The buyer's side of the simple e-signature: the agreement (once per
    buyer), the exact file, "I have read it" and the e-mailed code, then the
    signatory's name, position and authority. Each step a POST; every route
    answers 404 to anyone but a member of the document's entity, 403 to a
    member who may not sign."""

    def _b2b_edo_contract_document(self, document_id):
        user = request.env.user
        document = request.env["b2b.document"].sudo().browse(document_id).exists()
        if (
            not document
            or document.state == "draft"
            or not document._b2b_edo_is_contract()
            or document.entity_id not in user._b2b_entities()
        ):
            raise NotFound()
        if not user._b2b_can(document.entity_id, "sign"):
            raise Forbidden()
        return document

    def _b2b_edo_contract_client(self):
        http_request = request.httprequest
        return http_request.remote_addr, http_request.user_agent.string

    def _b2b_edo_contract_page(self, document, error=None, done=None, typed=None):
        env = request.env
        user = env.user
        code = env["b2b.esign.code"]._b2b_latest(document, user)
        code_open = bool(
            code and code.state == "active" and code.expires_at > fields.Datetime.now()
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_contract_accept",
                "document": document,
                "entity": document.entity_id,
                "agreement": env["b2b.esign.agreement"].sudo()._b2b_current(),
                "consent": env["b2b.esign.consent"]._b2b_of(user),
                "code": code if code_open else env["b2b.esign.code"],
                "acceptance": document.acceptance_ids[:1],
                "error": error,
                "done": done,
                "typed": typed or {},
            }
        )
        return request.render(
            "b2b_edo.portal_b2b_contract_accept", values, status=400 if error else 200
        )

    @http.route(
        "/my/b2b/documents/<int:document_id>/accept",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_edo_contract_accept(self, document_id, done=None, **kw):
        document = self._b2b_edo_contract_document(document_id)
        return self._b2b_edo_contract_page(document, done=done)

    @http.route(
        "/my/b2b/documents/<int:document_id>/accept/file",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_edo_contract_file(self, document_id, **kw):
        """The exact file the buyer accepts (its SHA-256 is on the page)."""
        document = self._b2b_edo_contract_document(document_id)
        return (
            request.env["ir.binary"]
            ._get_stream_from(document.attachment_id)
            .get_response(as_attachment=False)
        )

    @http.route(
        "/my/b2b/documents/<int:document_id>/accept/agreement",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_edo_contract_agreement(self, document_id, agree=None, **kw):
        document = self._b2b_edo_contract_document(document_id)
        if not agree:
            return self._b2b_edo_contract_page(
                document,
                error=request.env._("Tick the box to accept the agreement."),
            )
        request.env["b2b.esign.consent"]._b2b_give(
            request.env.user, self._b2b_edo_contract_client()
        )
        return request.redirect(ACCEPT_URL % document.id + "?done=agreed", 303)

    @http.route(
        "/my/b2b/documents/<int:document_id>/accept/code",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_edo_contract_code(self, document_id, read=None, **kw):
        document = self._b2b_edo_contract_document(document_id)
        env = request.env
        error = None
        if document.state != "sent":
            error = env._("This document is not waiting for acceptance.")
        elif not env["b2b.esign.consent"]._b2b_of(env.user):
            error = env._("Accept the agreement on the simple e-signature first.")
        elif not read:
            error = env._("Confirm that you have read the document.")
        if error:
            return self._b2b_edo_contract_page(document, error=error)
        try:
            with env.cr.savepoint():
                env["b2b.esign.code"]._b2b_request(document, env.user)
        except UserError as failure:
            return self._b2b_edo_contract_page(document, error=str(failure))
        return request.redirect(ACCEPT_URL % document.id + "?done=sent", 303)

    @http.route(
        "/my/b2b/documents/<int:document_id>/accept/confirm",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_edo_contract_confirm(
        self,
        document_id,
        code="",
        name="",
        position="",
        authority="",
        power_of_attorney=None,
        **kw,
    ):
        document = self._b2b_edo_contract_document(document_id)
        env = request.env
        signatory = {"name": name, "position": position, "authority": authority}
        poa = None
        if power_of_attorney and getattr(power_of_attorney, "filename", None):
            poa = (power_of_attorney.filename, power_of_attorney.read())
        try:
            with env.cr.savepoint():
                _acceptance, error = env["b2b.document.acceptance"]._b2b_accept(
                    document,
                    env.user,
                    code,
                    signatory,
                    self._b2b_edo_contract_client(),
                    poa=poa,
                )
        except UserError as failure:
            error = str(failure)
        if error:
            return self._b2b_edo_contract_page(document, error=error, typed=signatory)
        return request.redirect(ACCEPT_URL % document.id + "?done=accepted", 303)

    @http.route(
        "/my/b2b/entities/<int:entity_id>/members/<int:membership_id>/sign",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_edo_contract_member_sign(self, entity_id, membership_id, sign=None, **kw):
        """An owner entitles a colleague to sign documents, or takes it back."""
        entity = b2b_member_entity(entity_id, "manage")
        membership = self._b2b_members_membership(entity, membership_id)
        # the owner may not write on memberships: narrow write after the checks
        membership.sudo().b2b_can_sign = bool(sign)
        return request.redirect(f"/my/b2b/entities/{entity.id}/members?done=sign", 303)
