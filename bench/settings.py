"""The app's own settings, with the floor page of bench/floor_site.py beside its URLs."""

from secondchance.web.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_site"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405  (the in-process growth table)
