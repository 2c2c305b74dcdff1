"""A bare Django project (one view, no apps, no middleware) for the start-up comparison in bench/pages.py."""

import sys

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

settings.configure(DEBUG=False, SECRET_KEY="bench-only", ROOT_URLCONF=__name__, ALLOWED_HOSTS=["127.0.0.1"])


def hello(request):
    return HttpResponse("hello")


urlpatterns = [path("", hello)]

if __name__ == "__main__":
    import django
    from django.core.wsgi import get_wsgi_application
    from waitress import serve

    django.setup()
    serve(get_wsgi_application(), host="127.0.0.1", port=int(sys.argv[1]), threads=8, _quiet=True)
