"""Settings for the test suite: the app's own, with a throwaway data folder."""

import os
import tempfile

# Set before the app's settings read it: tests never touch the user's real data folder.
os.environ.setdefault("SECONDCHANCE_DATA_DIR", tempfile.mkdtemp(prefix="secondchance-test-"))

from secondchance.web.settings import *  # noqa: E402,F403

# Lets tests move "today" with SECONDCHANCE_TODAY (never honoured in production).
TESTING = True
