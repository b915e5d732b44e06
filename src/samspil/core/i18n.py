"""Organiser-written text in several languages, and the fallback rule for showing it.

Content is stored with django-i18nfield: one JSON text per field, a key per
language. A visitor sees their own language; where that is missing, the text's
original language; where that is missing too, any language that has the text
(in the order of settings.LANGUAGES). The result remembers which language it is
in, so a template can mark it with `lang` and say that it is a fallback.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation
from i18nfield.strings import LazyI18nString

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# Each language's name in that language, for the switcher and language lists.
NATIVE_NAMES = {"en": "English", "da": "Dansk", "fr": "Français", "nl": "Nederlands"}


class LocalizedText(str):
    """A string that knows its language and whether it stands in for the requested one.

    An empty text has no language ("").
    """

    language: str
    requested: str

    def __new__(cls, text: str, *, language: str, requested: str) -> "LocalizedText":
        obj = super().__new__(cls, text)
        obj.language = language
        obj.requested = requested
        return obj

    @property
    def is_fallback(self) -> bool:
        return bool(self) and self.language != self.requested


def fallback_chain(requested: str, original: str | None, available: Iterable[str]) -> list[str]:
    """Languages to try, in order: requested, original, then every other one."""
    chain = [requested]
    for code in [original or settings.LANGUAGE_CODE, *LANGUAGE_CODES, *sorted(available)]:
        if code not in chain:
            chain.append(code)
    return chain


def localize(
    value: LazyI18nString | dict | str | None,
    original: str | None = None,
    language: str | None = None,
) -> LocalizedText:
    """Pick the text to show for `language` (default: the active one)."""
    requested = language or translation.get_language() or settings.LANGUAGE_CODE
    data = value.data if isinstance(value, LazyI18nString) else value
    if not data:
        return LocalizedText("", language="", requested=requested)
    if isinstance(data, str):
        return LocalizedText(data, language=original or requested, requested=requested)
    for code in fallback_chain(requested, original, data.keys()):
        if data.get(code):
            return LocalizedText(data[code], language=code, requested=requested)
    return LocalizedText("", language="", requested=requested)


def all_languages_text(*values: LazyI18nString | None) -> str:
    """Every language's text of the given fields, joined: what search looks through."""
    parts: list[str] = []
    for value in values:
        data = value.data if isinstance(value, LazyI18nString) else value
        if isinstance(data, dict):
            parts.extend(text for text in data.values() if text)
        elif data:
            parts.append(str(data))
    return "\n".join(parts)
