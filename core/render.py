"""The one Jinja2 Environment that renders every content template.

StrictUndefined (a typo in a template is an error, not a blank), autoescape, and
the i18n extension with the trimmed policy that ``locales/content.cfg`` extracts
with: if the two disagree, trimmed blocks silently render untranslated, and a
test guards that. Templates are rendered in an explicit locale, so the linter
can render every locale without touching the app's current language.
"""

from __future__ import annotations

import contextvars
from pathlib import Path

import jinja2

from core import i18n

TRIMMED = True  # must match "trimmed = true" in locales/content.cfg

_active: contextvars.ContextVar = contextvars.ContextVar("content_translations")


def _gettext(message: str) -> str:
    return _active.get().gettext(message) if message else ""


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _active.get().ngettext(singular, plural, n)


def _pgettext(context: str, message: str) -> str:
    return _active.get().pgettext(context, message)


def _npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _active.get().npgettext(context, singular, plural, n)


class Renderer:
    """Loads templates from the content directory and renders them in a given locale."""

    def __init__(self, content_dir: Path):
        self.content_dir = Path(content_dir)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.content_dir)),
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        self.env.policies["ext.i18n.trimmed"] = TRIMMED
        self.env.install_gettext_callables(_gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext)
        self.env.filters["t"] = lambda text: _gettext(str(text))
        self.env.filters["fictional"] = _fictional
        from core.regions import name_beside_number, name_on_its_own

        # beside a number shown large, its name without the number again ("96110" over
        # "Anti-fraud warning line", not over "96110 anti-fraud warning line")
        self.env.globals["name_beside_number"] = name_beside_number
        self.env.globals["name_on_its_own"] = name_on_its_own

    def render(self, template: str, locale: str, **context) -> str:
        """Render ``template`` (a path under content/) in ``locale``."""
        token = _active.set(i18n.translator(locale, "content"))
        try:
            return self.env.get_template(template).render(locale=locale, **context)
        finally:
            _active.reset(token)

    def templates(self) -> list[str]:
        return sorted(self.env.list_templates(extensions=["j2"]))


def _fictional(text: str):
    """Mark example numbers and links inside a scam illustration as made up.

    The linter skips marked text when it checks that every number shown is a real
    hotline; the page shows it plainly.
    """
    from markupsafe import Markup, escape

    return Markup('<span class="fictional">') + escape(text) + Markup("</span>")
