import os
import tempfile

# Before Django's settings load: keep test runs away from the user's real data folder.
os.environ.setdefault("SECONDCHANCE_DATA_DIR", tempfile.mkdtemp(prefix="secondchance-test-"))
