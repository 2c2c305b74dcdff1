import sys

from secondchance.cli import main

sys.exit(main())
