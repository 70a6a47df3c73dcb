from odoo import fields, models


class B2bEdoChained(models.AbstractModel):
    """A record that joins its company's hash chain once it is final (an
    accepted document, an acceptance record): its hash covers its own
    payload and the hash of the link before it, as ``account.move``'s
    inalterability hash does. One chain per company across every model that
    inherits this mixin, ordered by ``b2b_chain_index``.
    """

    _name = "b2b.edo.chained"
    _description = "B2B hash chain link"

    b2b_chain_index = fields.Integer(
        string="Chain position", readonly=True, copy=False, index=True
    )
    b2b_chain_hash = fields.Char(string="Chain hash", readonly=True, copy=False)

    def _b2b_chain_payload(self):
        """What the link's hash covers, as text (stable across versions of
        Odoo: field values, never display names)."""
        raise NotImplementedError

    def _b2b_chain_append(self):
        """Give each record of ``self`` the next position of its company's
        chain and its hash. Implemented by the chain part."""
        raise NotImplementedError
