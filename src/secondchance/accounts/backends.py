from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    """Sign in with either the username or the e-mail address given at sign-up."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and "@" in username:
            # Sign-up does not reveal whether an address is taken, so one address may belong to
            # several accounts: the password says which.
            for user in get_user_model().objects.filter(email__iexact=username).order_by("pk"):
                found = super().authenticate(request, username=user.get_username(), password=password, **kwargs)
                if found is not None:
                    return found
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_username(request, credentials) -> str:
    """The account a sign-in attempt is against, however it was typed (django-axes counts failures by this).

    Counting the typed text let each spelling of an e-mail ("Ann@x.org", "ann@X.org") start
    with fresh tries; counting the account does not.
    """
    typed = str((credentials or {}).get("username") or "").strip()
    users = get_user_model().objects
    lookup = {"email__iexact": typed} if "@" in typed else {"username__iexact": typed}
    user = users.filter(**lookup).order_by("pk").first() if typed else None
    return user.get_username() if user is not None else typed.casefold()
