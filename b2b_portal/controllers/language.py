from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..tools.language import back_path


class B2bLanguagePortal(CustomerPortal):
    """The portal language switcher: Odoo's portal without ``website`` has
    none for a signed-in buyer."""

    @route("/my/b2b/language", type="http", auth="user", methods=["POST"])
    def b2b_language(self, lang=None, redirect=None, **kw):
        Lang = request.env["res.lang"]
        active = Lang._get_active_by("code")
        if lang in dict(Lang.get_installed()):
            request.env.user.write({"lang": lang})
        url_codes = [data.url_code for data in active.values()]
        response = request.redirect(back_path(redirect, url_codes))
        if lang in active:
            # http_routing picks the page language from this cookie first
            response.set_cookie("frontend_lang", lang)
        return response
