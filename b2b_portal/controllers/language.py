from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.web.controllers.home import Home

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


class B2bLanguageHome(Home):
    @route()
    def web_login(self, *args, **kw):
        """After signing in, the pages speak the user's language: the
        ``frontend_lang`` cookie set on the login page (the browser's
        language) would otherwise win over it."""
        response = super().web_login(*args, **kw)
        lang = request.session.uid and request.env.user.lang
        if lang and lang in request.env["res.lang"]._get_active_by("code"):
            response.set_cookie("frontend_lang", lang)
        return response
