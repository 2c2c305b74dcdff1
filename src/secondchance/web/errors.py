"""Our own error pages, in the app's look.

They are rendered without the request: no context processor, no session, no
CSRF check and no read of the body. Django's default 400 page checks the CSRF
token again, which reads a body it could not decode the first time (a form
sent as latin-1) and turns a bad request into a server error.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

PAGES = {
    400: ("That request didn't make sense", "Something in what your browser sent couldn't be read. Go back and try again; what you wrote before is still saved."),
    403: ("That page isn't open to you", "The form may have been open too long, or come from somewhere else. Go back, reload the page and try again."),
    404: ("We couldn't find that page", "It may have been deleted, or the address may be mistyped."),
    429: ("Let's pause for a moment", "There were a lot of tries in a short time. Wait a few minutes, then try again."),
    500: ("Something went wrong on our side", "It's not something you did. What you saved before is safe. Please try again in a moment."),
}


def error_page(status: int) -> HttpResponse:
    title, words = PAGES[status]
    context = {"status": status, "title": title, "words": words,
               "quick_exit_url": settings.QUICK_EXIT_URL, "discreet": False}
    return HttpResponse(render_to_string("error.html", context), status=status)


def bad_request(request, exception=None):
    return error_page(400)


def permission_denied(request, exception=None):
    return error_page(403)


def page_not_found(request, exception=None):
    return error_page(404)


def server_error(request):
    return error_page(500)


def csrf_failure(request, reason=""):
    return error_page(403)
