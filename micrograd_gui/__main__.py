"""Entry point for `python -m micrograd_gui` and for PyInstaller, which runs this file as a script."""

import sys

from micrograd_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
