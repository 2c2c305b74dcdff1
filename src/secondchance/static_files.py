"""Files shipped in the package's static folder, read directly (the service worker is served from the root)."""

from importlib import resources


def read_static(name: str) -> str:
    return resources.files("secondchance").joinpath("static/secondchance", name).read_text(encoding="utf-8")
