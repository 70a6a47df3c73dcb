from odoo.addons.b2b_portal.tests.common import B2bCommon


class EdoCommon(B2bCommon):
    """B2bCommon plus documents: one fixture for every b2b_edo test."""

    PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

    @classmethod
    def create_document(
        cls, entity=None, document_type="other", content=None, send=False, **values
    ):
        document = cls.env["b2b.document"].create(
            dict(
                {
                    "document_type": document_type,
                    "entity_id": (entity or cls.entity_a).id,
                },
                **values,
            )
        )
        document._b2b_attach(content or cls.PDF, "document.pdf", "application/pdf")
        if send:
            document.action_send()
        return document
