from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.account.controllers.portal import PortalAccount
from odoo.addons.sale_stock.controllers.portal import SaleStockPortal


class B2bDocumentsPortal(PortalAccount, SaleStockPortal):
    """Invoices, credit notes and deliveries of a buyer's entities.

    The record rules (security/account_rules.xml, stock_rules.xml) give a
    member the documents of every entity where their role has "documents";
    the lists here show the ACTIVE entity's only, and nothing for a role
    without "documents". Pages and PDFs refuse a member of the document's
    entity whose role lacks it, token or not. A user who acts for no entity
    keeps Odoo's portal.
    """

    def _b2b_doc_domain(self):
        """The condition on ``account.move`` of the lists: None for a user of
        no entity, the active entity's documents, or nothing at all."""
        user = request.env.user
        try:
            entity = user._b2b_active_entity()
        except AccessError:
            return None
        if not user._b2b_can(entity, "documents"):
            return Domain.FALSE
        return Domain("commercial_partner_id", "=", entity.id)

    # -- /my/invoices and its home counter ------------------------------------
    def _get_invoices_domain(self, m_type=None):
        domain = super()._get_invoices_domain(m_type)
        entity_domain = self._b2b_doc_domain()
        return domain if entity_domain is None else domain & entity_domain

    def _get_overdue_invoices_domain(self, partner_id=None):
        domain = super()._get_overdue_invoices_domain(partner_id)
        entity_domain = None if partner_id else self._b2b_doc_domain()
        if entity_domain is None:
            return domain
        # the entity's invoices, not those of the buyer's own contact
        return Domain([term for term in domain if term[0] != "partner_id"]) & (
            entity_domain
        )

    # -- pages and PDFs --------------------------------------------------------
    def _document_check_access(self, model_name, document_id, access_token=None):
        document_sudo = super()._document_check_access(
            model_name, document_id, access_token
        )
        if model_name == "account.move":
            request.env.user._b2b_check_documents(document_sudo.partner_id)
        return document_sudo

    def _stock_picking_check_access(self, picking_id, access_token=None):
        picking_sudo = super()._stock_picking_check_access(
            picking_id, access_token=access_token
        )
        request.env.user._b2b_check_documents(picking_sudo.partner_id)
        return picking_sudo

    def _sale_order_get_page_view_values(
        self, order_sudo, access_token, values, history_session_key, **kwargs
    ):
        """The order page lists the order's invoices and deliveries (with
        their tokens) only to those who may see documents."""
        values = super()._sale_order_get_page_view_values(
            order_sudo, access_token, values, history_session_key, **kwargs
        )
        try:
            request.env.user._b2b_check_documents(order_sudo.partner_id)
        except AccessError:
            values["b2b_doc_hidden"] = True
        return values
