"""What lets the app go on a home screen: its manifest and its service worker, both served from the root."""

from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from secondchance.static_files import read_static


@require_GET
def manifest(request):
    # In discreet mode the installed app carries no name that says what it is.
    discreet = request.user.is_authenticated and getattr(getattr(request.user, "profile", None), "discreet_mode", False)
    name = "Notes" if discreet else "Second Chance"
    return JsonResponse({
        "name": name,
        "short_name": name,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#f6f1e8",
        "theme_color": "#2f5d50",
        "icons": [
            {"src": static("secondchance/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("secondchance/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("secondchance/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }, content_type="application/manifest+json")


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    """Served from the root so it may look after every page; never kept stale by the browser."""
    return HttpResponse(read_static("sw.js"), content_type="application/javascript; charset=utf-8")
