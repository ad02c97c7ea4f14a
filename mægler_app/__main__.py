"""``python -m mægler_app``, and the PyInstaller bundle's entry script.

PyInstaller runs this file as a top-level script, with no parent package, so the import is
absolute: a relative one fails there ("attempted relative import with no known parent package").
"""

import sys

from mægler_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
