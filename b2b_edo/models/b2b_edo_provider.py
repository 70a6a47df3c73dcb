import uuid

from odoo import api, fields, models

from ..tools import edo_provider


class B2bEdoProvider(models.Model):
    """An EDO operator documents are sent through. ``manual`` (the default)
    sends nothing: the manager downloads the files and uploads them at the
    operator by hand, and marks the states on the document.

    A connector (an addon per operator) adds its code with ``selection_add``
    and overrides the three methods below for that code, calling super()
    for the others: ``_b2b_edo_sign`` (the signing step), ``_b2b_edo_send``
    and ``_b2b_edo_poll``. They receive and return the dataclasses of
    tools/edo_provider.py, never records, so that a connector needs nothing
    else of this addon.
    """

    _name = "b2b.edo.provider"
    _description = "EDO operator"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(
        selection=[("manual", "Manual (download and upload by hand)")],
        required=True,
        default="manual",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)

    @api.model
    def _b2b_default(self, company):
        """The provider of ``company``: its setting, else the manual one."""
        return company.sudo().b2b_edo_provider_id or self.env.ref(
            "b2b_edo.b2b_edo_provider_manual"
        )

    # -- what a connector overrides ------------------------------------------------
    def _b2b_edo_sign(self, outgoing):
        """The signing step: ``outgoing`` (EdoOutgoing) with its signature
        set. Manual: unsigned (the manager signs at the operator)."""
        self.ensure_one()
        return outgoing

    def _b2b_edo_send(self, outgoing):
        """Hand ``outgoing`` (EdoOutgoing, signed) to the operator; return an
        EdoReceipt. Manual: a local id, state "sent" once uploaded by hand."""
        self.ensure_one()
        local_id = str(uuid.uuid4())
        return edo_provider.EdoReceipt(
            message_id=local_id, document_id=local_id, state=edo_provider.SENT
        )

    def _b2b_edo_poll(self, document_ids):
        """The current state of the operator's documents ``document_ids``
        (list of str): ``list[EdoStatus]``, only those that changed.
        Manual: none (the manager sets them on the document)."""
        self.ensure_one()
        return []
