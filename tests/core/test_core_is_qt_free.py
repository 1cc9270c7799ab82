"""The core and the drop-in micrograd never load Qt: checked in a fresh interpreter, as napari's import contract
does."""

import subprocess
import sys


def test_importing_the_core_loads_no_qt_module():
    # every module of the core, in its subpackages too (fast/, graph/, files/)
    code = ("import pkgutil, importlib, sys, micrograd_gui.core as c\n"
            "for m in pkgutil.walk_packages(c.__path__, 'micrograd_gui.core.'): importlib.import_module(m.name)\n"
            "import micrograd_gui.micrograd.engine, micrograd_gui.micrograd.nn\n"
            "import micrograd_gui.cli\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')]\n"
            "print(len([m for m in sys.modules if m.startswith('micrograd_gui.core.')]), bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) >= 30 and out[1] == "[]"


def test_lesson_code_imports_only_the_engine():
    # `from micrograd_gui.micrograd.nn import MLP` in a notebook starts at once: no Qt, no numpy, no app
    code = ("import sys, micrograd_gui.micrograd.nn\n"
            "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('numpy', 'PySide6', 'pyqtgraph')\n"
            "               or m.startswith(('micrograd_gui.ui', 'micrograd_gui.core.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["micrograd_gui.core.engine"]
