"""The domain core of Second Chance: the rules of PROGRAM.md in plain Python.

No Django, no database, no clock: callers pass what the person recorded and
today's date, and get decisions back, each with the facts that drove it.
"""
