from django.db.models import Model
from django.utils.text import slugify

# slugify drops letters it cannot decompose; Danish writes these out.
TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def unique_slug(model: type[Model], text: str, *, fallback: str) -> str:
    """A slug for `text` that no row of `model` has yet: "name", else "name-2", "name-3"..."""
    base = slugify(text.translate(TRANSLITERATION))[:180] or fallback
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
