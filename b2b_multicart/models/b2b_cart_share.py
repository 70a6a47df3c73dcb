from odoo import api, fields, models
from odoo.exceptions import ValidationError


class B2bCartShare(models.Model):
    _name = "b2b.cart.share"
    _description = "A B2B cart shared with a colleague"
    _order = "cart_id, id"

    cart_id = fields.Many2one(
        "sale.order", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        "res.users", string="Colleague", required=True, index=True, ondelete="cascade"
    )
    mode = fields.Selection(
        [("read", "Read only"), ("edit", "Can edit")],
        required=True,
        default="read",
    )

    _cart_user_uniq = models.Constraint(
        "UNIQUE(cart_id, user_id)", "This cart is already shared with this colleague."
    )

    @api.constrains("cart_id", "user_id")
    def _check_colleague(self):
        for share in self:
            cart = share.cart_id
            if share.user_id == cart.b2b_buyer_id:
                raise ValidationError(
                    self.env._("A cart is not shared with its own buyer.")
                )
            if cart.b2b_entity_id not in share.user_id._b2b_entities():
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of %(entity)s.",
                        user=share.user_id.name,
                        entity=cart.b2b_entity_id.display_name,
                    )
                )
