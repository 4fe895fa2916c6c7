"""Server messages in the caller's language (Flask-Babel).

Messages are written in English in the source and marked with `N_` so `pybabel extract` finds
them (`make translations`); the Chinese catalogue lives in `crm/translations`. A message is
translated when it is answered (`crm.core.errors.problem`), not where it is raised, so error
codes are derived from the English text and services stay free of request state. Messages with
values are templates with `{name}` placeholders, used as `N_("No such {thing}.").format(...)`:
the answer's text is matched back to its template, and the values are kept.
"""

from __future__ import annotations

import re
from functools import cache

from babel.support import Translations
from flask import Flask, has_request_context, request
from flask_babel import Babel, force_locale, get_translations

# Accept-Language tags we answer in -> the catalogue's locale (Babel names simplified Chinese
# zh_Hans_CN; Locale.parse("zh_CN") gives that too). English is the source language.
LANGUAGES = {"en": "en_US", "en-US": "en_US", "zh": "zh_Hans_CN", "zh-CN": "zh_Hans_CN"}
DEFAULT_LOCALE = "en_US"
CONTENT_LANGUAGE = {"en_US": "en-US", "zh_Hans_CN": "zh-CN"}

babel = Babel()


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated when it is answered."""
    return message


def _requested_locale() -> str:
    if not has_request_context():
        return DEFAULT_LOCALE
    tag = request.accept_languages.best_match(list(LANGUAGES))
    return LANGUAGES.get(tag or "", DEFAULT_LOCALE)


def init_i18n(app: Flask) -> None:
    babel.init_app(
        app,
        default_locale=DEFAULT_LOCALE,
        locale_selector=_requested_locale,
    )


def current_language() -> str:
    """The answer's language as a Content-Language value."""
    return CONTENT_LANGUAGE[_requested_locale()]


@cache
def _templates(translations: Translations) -> tuple[tuple[re.Pattern, str], ...]:
    """The catalogue's messages with placeholders, as patterns that capture their values;
    templates with more fixed text first, so the most precise one wins."""
    catalogue = getattr(translations, "_catalog", {})
    templates = [msgid for msgid in catalogue if isinstance(msgid, str) and "{" in msgid]
    templates.sort(key=lambda msgid: -len(re.sub(r"\{\w+\}", "", msgid)))
    compiled = []
    for template in templates:
        parts = re.split(r"\{(\w+)\}", template)
        pattern = "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
            for index, part in enumerate(parts)
        )
        compiled.append((re.compile(f"^{pattern}$", re.DOTALL), catalogue[template]))
    return tuple(compiled)


def translate(message: str, locale: str | None = None) -> str:
    """`message` in the request's language (or `locale`'s); unchanged when not catalogued."""
    if locale is not None:
        with force_locale(locale):
            return translate(message)
    translations = get_translations()
    text = translations.gettext(message)
    if text != message or not isinstance(translations, Translations):
        return text
    for pattern, translated in _templates(translations):
        match = pattern.match(message)
        if match and translated:
            return translated.format(**match.groupdict())
    return message


def is_translated(message: str, locale: str) -> bool:
    """Whether the catalogue of `locale` has `message` (or its template) with a translation."""
    return translate(message, locale) != message
