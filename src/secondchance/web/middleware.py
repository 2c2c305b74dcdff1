"""Middleware of our own."""

import zoneinfo

from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control


class NoStoreWhenSignedIn:
    """Signed-in pages are never kept by the browser or a proxy.

    On a shared device the back button or the disk cache would otherwise show a
    journal after its owner signed out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


class PersonsTimeZone:
    """Times on signed-in pages are shown where the person lives; they are stored in UTC.

    The profile read here is kept on the user for the rest of the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            from secondchance.accounts.models import Profile

            name = Profile.for_user(user).time_zone  # kept on the user: the views read the same profile
            try:
                timezone.activate(zoneinfo.ZoneInfo(name or "UTC"))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
