from django import template
from django.utils import translation

from samspil.core.i18n import NATIVE_NAMES, localize

register = template.Library()


@register.filter(name="localize")
def localize_filter(value, original=None):
    """`{{ event.title|localize:event.original_language }}`: see samspil.core.i18n."""
    return localize(value, original)


@register.filter
def language_name(code: str) -> str:
    """The name of a language in the visitor's language, e.g. "French" or "fransk"."""
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return NATIVE_NAMES.get(code, code)
