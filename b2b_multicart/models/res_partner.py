from odoo import models
from odoo.exceptions import UserError

from odoo.addons.b2b_portal.tools.entity_form import DELIVERY_KEYS


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _b2b_delivery_addresses(self):
        """Where orders of this entity may be delivered: the entity itself
        and its delivery addresses."""
        self.ensure_one()
        entity = self.sudo()
        return entity | entity.child_ids.filtered(
            lambda p: p.type == "delivery" and p.active
        )

    def _b2b_address_label(self):
        """One line for a choice of addresses: the name, then the address
        (b2b_portal's one-line address, empty parts left out)."""
        self.ensure_one()
        parts = (self.name, self._b2b_address_line())
        return ", ".join(part.strip() for part in parts if part and part.strip())

    def _b2b_addresses_reviewed(self):
        """Whether the supplier reviews new delivery addresses before they
        can be used (b2b_multicart.review_delivery_addresses, on by default)."""
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("b2b_multicart.review_delivery_addresses", "1")
        )
        return value not in ("0", "False", "false", "")

    def _b2b_add_delivery_address(self, user, form):
        """Add the delivery address typed in ``form`` (delivery_street,
        delivery_city, delivery_zip) to this entity, asked by ``user`` who
        may order for it: a change request for the supplier's review when
        addresses are reviewed, else the address at once.

        :return: (address or empty, change request or empty)
        :raise UserError: on a missing or wrong value; nothing is written
        """
        self.ensure_one()
        entity = self.sudo()
        Partner = self.env["res.partner"]
        values, errors = Partner._b2b_clean_form(
            form, DELIVERY_KEYS, required=("delivery_street", "delivery_city")
        )
        if errors:
            labels = entity._b2b_form_labels()
            raise UserError(
                "\n".join(
                    f"{labels.get(key, key)}: {message}"
                    for key, message in errors.items()
                )
            )
        same = entity._b2b_delivery_addresses().filtered(
            lambda p: (p.street or "", p.city or "", p.zip or "")
            == tuple(values[key] for key in DELIVERY_KEYS)
        )
        if same:
            return same[:1], self.env["b2b.change.request"]
        if not self._b2b_addresses_reviewed():
            return entity._b2b_set_delivery_address(values), self.env[
                "b2b.change.request"
            ]
        Request = self.env["b2b.change.request"].sudo()
        if Request.search_count(
            [("entity_id", "=", entity.id), ("state", "=", "pending")], limit=1
        ):
            raise UserError(
                self.env._(
                    "A change request of %(entity)s is already waiting for "
                    "review: wait for its answer before sending another one.",
                    entity=entity.display_name,
                )
            )
        changes = {key: values[key] for key in DELIVERY_KEYS}
        request = Request._b2b_create_from_portal(
            entity, user, changes, new_delivery=True
        )
        return Partner, request
