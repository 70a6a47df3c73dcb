from odoo import api, models

from odoo.addons.b2b_portal.tools import ru_requisites

from ..tools import amount_words, gost_qr

GOST_QR = "ru_gost_qr"


class ResPartnerBank(models.Model):
    """The Russian payment QR code (ГОСТ Р 56042-2014) as one of Odoo's QR
    methods of a bank account, beside SEPA's and the others: eligible for a
    payment in roubles to a Russian bank account (BIC, 20-digit account), so
    that Odoo's own invoices can print it too. Every other method and country
    keeps Odoo's behaviour (each hook calls super() for other methods)."""

    _inherit = "res.partner.bank"

    @api.model
    def _get_available_qr_methods(self):
        methods = super()._get_available_qr_methods()
        methods.append((GOST_QR, self.env._("Russian payment QR (GOST R 56042)"), 40))
        return methods

    def _get_error_messages_for_qr(self, qr_method, debtor_partner, currency):
        if qr_method != GOST_QR:
            return super()._get_error_messages_for_qr(
                qr_method, debtor_partner, currency
            )
        errors = []
        if currency.name != "RUB":
            errors.append(
                self.env._(
                    "A Russian payment QR code is in roubles, not in %(currency)s.",
                    currency=currency.name,
                )
            )
        if ru_requisites.check_bic(self.bank_id.bic or ""):
            errors.append(self.env._("A Russian payment QR code needs the bank's BIC."))
        if ru_requisites.check_bank_account(
            self.acc_number or "", self.bank_id.bic or ""
        ):
            errors.append(
                self.env._("A Russian payment QR code needs a 20-digit account number.")
            )
        return "\r\n".join(errors) or None

    def _check_for_qr_code_errors(
        self,
        qr_method,
        amount,
        currency,
        debtor_partner,
        free_communication,
        structured_communication,
    ):
        if qr_method == GOST_QR and not (self.acc_holder_name or self.partner_id.name):
            return self.env._(
                "The account receiving the payment must have an account holder "
                "name or partner name set."
            )
        return super()._check_for_qr_code_errors(
            qr_method,
            amount,
            currency,
            debtor_partner,
            free_communication,
            structured_communication,
        )

    def _b2b_gost_qr_values(self, amount, purpose):
        """The fields of the GOST payment string of a payment of ``amount``
        roubles to this account for ``purpose``."""
        self.ensure_one()
        payee = self.partner_id.commercial_partner_id
        return {
            "Name": self.acc_holder_name or payee.name,
            "PersonalAcc": self.acc_number,
            "BankName": self.bank_id.name,
            "BIC": self.bank_id.bic,
            "CorrespAcc": self.bank_id.b2b_corr_account,
            "PayeeINN": payee.vat,
            "KPP": payee.b2b_kpp,
            "Sum": amount_words.to_kopecks(amount),
            "Purpose": purpose,
        }

    def _get_qr_vals(
        self,
        qr_method,
        amount,
        currency,
        debtor_partner,
        free_communication,
        structured_communication,
    ):
        if qr_method == GOST_QR:
            return gost_qr.payment_string(
                self._b2b_gost_qr_values(
                    amount, free_communication or structured_communication
                )
            )
        return super()._get_qr_vals(
            qr_method,
            amount,
            currency,
            debtor_partner,
            free_communication,
            structured_communication,
        )

    def _get_qr_code_generation_params(
        self,
        qr_method,
        amount,
        currency,
        debtor_partner,
        free_communication,
        structured_communication,
    ):
        if qr_method == GOST_QR:
            return {
                "barcode_type": "QR",
                "width": 180,
                "height": 180,
                "quiet": 0,
                "value": self._get_qr_vals(
                    qr_method,
                    amount,
                    currency,
                    debtor_partner,
                    free_communication,
                    structured_communication,
                ),
            }
        return super()._get_qr_code_generation_params(
            qr_method,
            amount,
            currency,
            debtor_partner,
            free_communication,
            structured_communication,
        )
