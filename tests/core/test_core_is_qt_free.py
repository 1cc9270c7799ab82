"""The core never loads Qt: checked in a fresh interpreter, as napari's import contract does."""

import subprocess
import sys


def test_importing_the_core_loads_no_qt_module():
    # every module of the core, in its subpackages too (fast/, graph/, files/)
    code = ("import pkgutil, importlib, sys, micrograd_gui.core as c\n"
            "for m in pkgutil.walk_packages(c.__path__, 'micrograd_gui.core.'): importlib.import_module(m.name)\n"
            "import micrograd_gui.cli\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')]\n"
            "print(len([m for m in sys.modules if m.startswith('micrograd_gui.core.')]), bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) >= 30 and out[1] == "[]"
