"""The app as `secondchance serve` runs it, plus one floor page for bench/pages.py to compare against.

The floor is a signed-in Django view under the same server and middleware: it loads the session
and the user and returns a 1 KB page. It exists only here, never in the product's URLs.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path

PAGE = "x" * 1024


@login_required
def floor(request):
    return HttpResponse(f"<!doctype html><title>floor</title><p>{request.user.get_username()}</p><!-- {PAGE} -->")


urlpatterns = [
    path("bench-floor/", floor),
    path("", include("secondchance.web.urls")),
]
