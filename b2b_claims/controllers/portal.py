from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.sale.controllers import portal as sale_portal

LIST_URL = "/my/b2b/claims"


def _b2b_claim_id(value):
    """An id from a URL or a form: digits, else 0 (no record)."""
    text = str(value or "").strip()
    return int(text) if text.isdigit() else 0


def _b2b_claim_float(value):
    """A number typed by a buyer ("2,5", " 3 "); 0.0 when it is none."""
    text = (value or "").strip().replace(" ", "").replace("\xa0", "").replace(",", ".")
    try:
        return float(text) if text else 0.0
    except ValueError:
        return -1.0  # refused by the quantity check with a clear message


class B2bClaimsPortal(sale_portal.CustomerPortal):
    """/my/b2b/claims: the claims of the ACTIVE entity, filing one on a
    delivered order or delivery, its page with the chat."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "b2b_claim_count" in counters:
            Claim = request.env["b2b.claim"]
            try:
                entity = request.env.user._b2b_active_entity()
            except AccessError:
                entity = None
            values["b2b_claim_count"] = (
                Claim.search_count([("entity_id", "=", entity.id)])
                if entity and Claim.has_access("read")
                else 0
            )
        return values

    # -- helpers -----------------------------------------------------------------
    def _b2b_claim_get(self, claim_id):
        """The claim ``claim_id`` of one of the user's entities, read as the
        user (record rules) and held to the active entity; 404 otherwise."""
        entity = b2b_active_entity()
        claim = request.env["b2b.claim"].search(
            [("id", "=", claim_id), ("entity_id", "=", entity.id)], limit=1
        )
        if not claim:
            raise NotFound()
        return entity, claim

    def _b2b_claim_source(self, entity, order_id=None, picking_id=None):
        """The order or the delivery of ``entity`` a claim is filed on
        (``b2b.claim._b2b_claim_source``); 404 for anyone else's."""
        try:
            return request.env["b2b.claim"]._b2b_claim_source(
                entity, _b2b_claim_id(order_id), _b2b_claim_id(picking_id)
            )
        except MissingError as error:
            raise NotFound() from error

    def _b2b_claim_lines_from_form(self, post):
        """The lines of the form: ``qty_<move line>`` etc., only those with a
        quantity."""
        lines = []
        for key, value in post.items():
            if not key.startswith("qty_") or not (value or "").strip():
                continue
            move_line_id = key[4:]
            if not move_line_id.isdigit():
                continue
            lines.append(
                {
                    "move_line_id": int(move_line_id),
                    "quantity": _b2b_claim_float(value),
                    "demand": post.get(f"demand_{move_line_id}") or "replacement",
                    "demand_amount": max(
                        _b2b_claim_float(post.get(f"amount_{move_line_id}")), 0.0
                    ),
                    "demand_percent": max(
                        _b2b_claim_float(post.get(f"percent_{move_line_id}")), 0.0
                    ),
                    "reason": (post.get(f"reason_{move_line_id}") or "")[:200],
                }
            )
        return lines

    def _b2b_claim_files(self):
        return [
            (upload.filename, upload.read())
            for upload in request.httprequest.files.getlist("attachments")
            if upload.filename
        ]

    # -- routes ------------------------------------------------------------------
    @http.route(
        [LIST_URL, f"{LIST_URL}/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def b2b_claims(self, page=1, **kwargs):
        entity = b2b_active_entity()
        Claim = request.env["b2b.claim"]
        domain = [("entity_id", "=", entity.id)]
        pager = portal_pager(
            url=LIST_URL,
            total=Claim.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        claims = Claim.search(
            domain, limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "claims": claims.sudo(),
                "pager": pager,
                "page_name": "b2b_claims",
                "b2b_can_file": request.env.user._b2b_can(entity, "claims"),
            }
        )
        return request.render("b2b_claims.portal_my_claims", values)

    @http.route(f"{LIST_URL}/new", type="http", auth="user", website=True)
    def b2b_claim_new(self, order_id=None, picking_id=None, **post):
        entity = b2b_active_entity("claims")
        order, picking = self._b2b_claim_source(entity, order_id, picking_id)
        Claim = request.env["b2b.claim"]
        error = None
        if request.httprequest.method == "POST":
            try:
                claim = Claim._b2b_file(
                    request.env.user,
                    entity,
                    {
                        "claim_type_id": _b2b_claim_id(post.get("claim_type_id")),
                        "description": (post.get("description") or "").strip(),
                        "order": order,
                        "picking": picking,
                    },
                    self._b2b_claim_lines_from_form(post),
                    self._b2b_claim_files(),
                )
            except UserError as exc:
                error = str(exc)
            else:
                return request.redirect(f"{LIST_URL}/{claim.id}", 303)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_claims",
                "order": order,
                "picking": picking,
                "rows": Claim._b2b_claim_form(entity, order=order, picking=picking),
                "claim_types": request.env["b2b.claim.type"].sudo().search([]),
                "demands": request.env["b2b.claim.line"]
                ._fields["demand"]
                ._description_selection(request.env),
                "error": error,
                "post": post,
            }
        )
        return request.render("b2b_claims.portal_claim_new", values)

    @http.route(f"{LIST_URL}/<int:claim_id>", type="http", auth="user", website=True)
    def b2b_claim_page(self, claim_id, error=None, **kwargs):
        entity, claim = self._b2b_claim_get(claim_id)
        user = request.env.user
        claim_sudo = claim.sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_claim",
                "claim": claim_sudo,
                "object": claim,
                "attachments": claim_sudo._b2b_attachments(),
                "can_change": claim_sudo._b2b_buyer_can_change(user),
                "can_escalate": user._b2b_can(entity, "claims")
                and not claim_sudo.escalated
                and claim_sudo.state in ("submitted", "review", "waiting", "decided"),
                "show_documents": user._b2b_can(entity, "documents"),
                "credit_notes": claim_sudo.credit_note_ids.filtered(
                    lambda m: m.state == "posted"
                ),
                "error": error,
                "disable_composer": not user._b2b_can(entity, "message"),
            }
        )
        return request.render("b2b_claims.portal_claim_page", values)

    @http.route(
        f"{LIST_URL}/<int:claim_id>/files/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def b2b_claim_file(self, claim_id, attachment_id, **kwargs):
        """A file of the claim, to its entity's members only (portal users
        have no access to attachments of their own)."""
        _entity, claim = self._b2b_claim_get(claim_id)
        attachment = (
            claim.sudo()._b2b_attachments().filtered(lambda a: a.id == attachment_id)
        )
        if not attachment:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(attachment)
        return stream.get_response(as_attachment=True)

    @http.route(
        f"{LIST_URL}/<int:claim_id>/pdf/<string:kind>",
        type="http",
        auth="user",
        website=True,
    )
    def b2b_claim_pdf(self, claim_id, kind, **kwargs):
        """The printed claim ("claim") or the supplier's answer ("answer",
        once decided)."""
        _entity, claim = self._b2b_claim_get(claim_id)
        reports = {
            "claim": "b2b_claims.action_report_b2b_claim",
            "answer": "b2b_claims.action_report_b2b_claim_answer",
        }
        if kind not in reports or (
            kind == "answer" and claim.state not in ("decided", "resolved", "rejected")
        ):
            raise NotFound()
        return self._show_report(
            model=claim.sudo(),
            report_type="pdf",
            report_ref=reports[kind],
            download=True,
        )

    @http.route(
        f"{LIST_URL}/<int:claim_id>/<string:action>",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_claim_action(self, claim_id, action, **post):
        if action not in ("withdraw", "escalate", "files"):
            raise NotFound()
        entity, claim = self._b2b_claim_get(claim_id)
        user = request.env.user
        if not user._b2b_can(entity, "claims"):
            raise Forbidden()
        url = f"{LIST_URL}/{claim.id}"
        try:
            with request.env.cr.savepoint():
                if action == "files":
                    if not claim.sudo()._b2b_buyer_can_change(user):
                        raise UserError(
                            request.env._(
                                "The claim is decided: files cannot be added."
                            )
                        )
                    claim.sudo()._b2b_add_files(self._b2b_claim_files())
                else:
                    claim.sudo()._b2b_buyer_action(user, action)
        except UserError as exc:
            return self.b2b_claim_page(claim.id, error=str(exc))
        return request.redirect(url, 303)

    # -- the order page --------------------------------------------------------
    def _sale_order_get_page_view_values(
        self, order_sudo, access_token, values, history_session_key, **kwargs
    ):
        values = super()._sale_order_get_page_view_values(
            order_sudo, access_token, values, history_session_key, **kwargs
        )
        user = request.env.user
        entity = order_sudo.b2b_entity_id
        values["b2b_can_claim"] = bool(
            entity
            and entity in user._b2b_entities()
            and user._b2b_can(entity, "claims")
            and order_sudo.state == "sale"
            and any(p.state == "done" for p in order_sudo.picking_ids)
        )
        return values
