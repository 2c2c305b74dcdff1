"""Middleware of our own."""

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
