"""Second Chance: a calm, private guide after a breakup."""

__version__ = "0.1.0"
