from django.utils import translation
from i18nfield.strings import LazyI18nString

from samspil.core.i18n import all_languages_text, localize


def test_localize_requested_language_present():
    text = localize(LazyI18nString({"da": "Hej", "en": "Hello"}), "da", language="en")

    assert (text, text.language, text.is_fallback) == ("Hello", "en", False)


def test_localize_falls_back_to_original_language_first():
    value = LazyI18nString({"en": "Hello", "fr": "Bonjour", "nl": "Hallo"})

    text = localize(value, "nl", language="da")

    assert (text, text.language, text.is_fallback) == ("Hallo", "nl", True)


def test_localize_falls_back_to_any_language_in_settings_order():
    value = LazyI18nString({"nl": "Hallo", "fr": "Bonjour"})

    text = localize(value, "en", language="da")

    assert (text, text.language, text.is_fallback) == ("Bonjour", "fr", True)


def test_localize_skips_empty_translations():
    text = localize(LazyI18nString({"da": "", "en": "Hello"}), "en", language="da")

    assert (text, text.language) == ("Hello", "en")


def test_localize_empty_value_has_no_language():
    text = localize(LazyI18nString({}), "en", language="da")

    assert (text, text.language, text.is_fallback) == ("", "", False)


def test_localize_uses_active_language():
    with translation.override("fr"):
        text = localize(LazyI18nString({"fr": "Bonjour", "en": "Hello"}), "en")

    assert text == "Bonjour"


def test_all_languages_text_joins_every_translation():
    assert (
        all_languages_text(
            LazyI18nString({"da": "Kaffe", "en": "Coffee"}), LazyI18nString({"fr": "Café"}), None
        )
        == "Kaffe\nCoffee\nCafé"
    )
