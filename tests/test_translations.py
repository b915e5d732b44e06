"""Every interface string is translated in every shipped language, and compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

import samspil

LOCALE = Path(samspil.__file__).parent / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_interface_string_is_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))

    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert (missing, fuzzy) == ([], [])


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_its_source(language):
    """`make messages` compiles the .mo files; a stale one would hide new translations."""
    folder = LOCALE / language / "LC_MESSAGES"
    source = polib.pofile(str(folder / "django.po"))
    compiled = {entry.msgid: entry for entry in polib.mofile(str(folder / "django.mo"))}

    stale = [
        entry.msgid
        for entry in source.translated_entries()
        if entry.msgid not in compiled
        or (compiled[entry.msgid].msgstr, compiled[entry.msgid].msgstr_plural)
        != (entry.msgstr, entry.msgstr_plural)
    ]

    assert stale == []
