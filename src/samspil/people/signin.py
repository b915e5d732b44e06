"""Sign-in by magic link: a signed, expiring, single-use token in a mailed link.

The token signs the user's id, e-mail and last login time with a timestamp.
Signing in updates the last login time, so a link works once; it stops
working after `LINK_MINUTES`, and when the e-mail address changes.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.translation import gettext as _

SALT = "samspil.people.signin"
LINK_MINUTES = 30


def _state(user) -> str:
    return user.last_login.isoformat() if user.last_login else ""


def signin_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email.lower(), "l": _state(user)}, salt=SALT)


@dataclass(frozen=True)
class SigninCheck:
    """A token's user, or why it signs nobody in."""

    user: object | None
    error: str | None


def signin_check(token: str) -> SigninCheck:
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_MINUTES * 60)
    except signing.SignatureExpired:
        return SigninCheck(
            None,
            _(
                "This sign-in link has expired: links work for %(minutes)d minutes. "
                "Ask for a new one below."
            )
            % {"minutes": LINK_MINUTES},
        )
    except signing.BadSignature:
        return SigninCheck(
            None,
            _(
                "This sign-in link is not valid. Check that you copied all of it, "
                "or ask for a new one."
            ),
        )
    user = (
        get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
        if isinstance(data, dict)
        else None
    )
    if user is None or user.email.lower() != data.get("e"):
        return SigninCheck(None, _("This sign-in link is not valid any more. Ask for a new one."))
    if _state(user) != data.get("l"):
        return SigninCheck(
            None,
            _("This sign-in link has been used already: each link works once. Ask for a new one."),
        )
    return SigninCheck(user, None)
