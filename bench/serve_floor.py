"""Serve the app with the bench's floor page, as `secondchance serve` does: waitress, 8 threads."""

import logging
import os
import sys

sys.path.insert(0, ".")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from waitress import serve  # noqa: E402

from secondchance.reading.model import load  # noqa: E402

if __name__ == "__main__":
    # At 16 connections and 8 threads requests queue by design: waitress's warning about it is noise here.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    load()
    serve(get_wsgi_application(), host="127.0.0.1", port=int(sys.argv[1]), threads=8, _quiet=True)
