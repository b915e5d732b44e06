from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from samspil.core.i18n import NATIVE_NAMES


def languages(request):
    """The language switcher: the same page in each interface language."""
    current = translation.get_language()
    path = request.get_full_path()
    return {
        "language_links": [
            {
                "code": code,
                "name": NATIVE_NAMES[code],
                "url": translate_url(path, code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]
    }
