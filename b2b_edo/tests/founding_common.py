from .common import EdoCommon


class FoundingCommon(EdoCommon):
    """EdoCommon plus the default checklist of a legal entity (entity A's INN
    has 10 digits) and helpers to upload and decide."""

    PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.charter = ref("b2b_edo.founding_item_charter")
        cls.extract = ref("b2b_edo.founding_item_register_extract")
        cls.appointment = ref("b2b_edo.founding_item_director_appointment")
        cls.attorney = ref("b2b_edo.founding_item_power_of_attorney")
        cls.required_items = cls.charter | cls.extract | cls.appointment
        cls.env.company.b2b_founding_required = True

    @classmethod
    def upload(cls, item, entity=None, user=None, content=None, name="scan.pdf"):
        return (
            cls.env["b2b.document"]
            .with_user(user or cls.buyer_a)
            ._b2b_founding_upload(
                entity or cls.entity_a, item, name, content or cls.PDF
            )
        )

    @classmethod
    def accept_all(cls, items, entity=None):
        for item in items:
            cls.upload(item, entity).with_user(cls.manager).action_b2b_founding_accept()

    def founding_documents(self, entity=None):
        return self.env["b2b.document"].search(
            [
                ("entity_id", "=", (entity or self.entity_a).id),
                ("founding_item_id", "!=", False),
            ]
        )
