"""show(root): the graph of any micrograd-like Value in a window, as plt.show() shows a figure, or in a file.

Importing this module loads no Qt: show() imports it when it needs a window or a PNG."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TEXT_FORMATS = (".svg", ".json", ".dot")
_made: list[Any] = []  # the QApplication show() created, if it did


def show(root: object, out: str | os.PathLike[str] | None = None, title: str | None = None) -> Any:
    """Show the computation graph of `root`: its values, grads, the inspector and backprop step by step.

    `root` is any object with `data`, `grad`, `_prev` (its inputs) and `_op`, and optionally `label`: karpathy's
    micrograd Value, the lecture's, this package's. With `out` ("graph.svg", ".json", ".dot" or ".png") the graph is
    written there and its path returned, with no window. Otherwise a window opens: in a script it blocks until you
    close it and returns None (as plt.show()); where a Qt event loop already runs (Jupyter's %gui qt, an app that
    embeds this one) it returns the window at once.
    """
    from micrograd_gui.core.graph.duck import trace_any

    graph = trace_any(root)
    if out is not None:
        return _write(graph, Path(out))
    app = _application(offscreen_ok=False)
    from micrograd_gui.ui.value_graph_window import ValueGraphWindow

    window = ValueGraphWindow(graph, title)
    window.show()
    window.activateWindow()
    if app not in _made or app.thread().loopLevel() > 0:
        return window  # their event loop runs it; OPEN keeps it alive until it is closed
    with _quit_on_ctrl_c(app):
        app.exec()
    window.close()
    return None


def _write(graph: Any, path: Path) -> Path:
    """The picture (or the graph's data) in a file, written whole or not at all."""
    suffix = path.suffix.lower()
    if suffix == ".png":
        _application(offscreen_ok=True)
        from micrograd_gui.ui.value_graph_window import write_png

        write_png(graph, path)
        return path
    if suffix not in TEXT_FORMATS:
        raise ValueError(f"show(out=...): the file must end in .svg, .json, .dot or .png, not {path.name!r}")
    from micrograd_gui.core.files.atomic import atomic_write
    from micrograd_gui.core.graph.svg import to_svg

    atomic_write(path, {".svg": to_svg, ".json": lambda g: g.to_json(), ".dot": lambda g: g.to_dot()}[suffix](graph))
    return path


def _no_display() -> bool:
    """On Linux, neither X11 nor Wayland is there and no Qt platform was chosen: a window cannot open."""
    env = os.environ
    return (sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")
            and not env.get("QT_QPA_PLATFORM"))


def _application(offscreen_ok: bool) -> Any:
    """The running QApplication, or a new one. Only cli.py and this function create the QApplication: here when
    a script calls show() and no Qt application exists yet (an existing one, Jupyter's or an app's, is used)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not offscreen_ok and _no_display() and (app is None or app in _made):  # Qt would abort the process
        raise RuntimeError("show() has no display to open a window on; write the graph to a file instead: "
                           "show(root, out='graph.svg')")
    if app is not None:
        if not isinstance(app, QApplication):
            raise RuntimeError("show() needs a QApplication, and a Qt application without widgets is running")
        return app
    argv = [sys.argv[0] if sys.argv and sys.argv[0] else "micrograd_gui"]
    if _no_display():
        argv += ["-platform", "offscreen"]  # a PNG needs fonts, not a screen
    app = QApplication(argv)
    _made.append(app)
    from PySide6.QtCore import QSettings

    from micrograd_gui.ui import i18n

    i18n.install(app, i18n.saved_language(QSettings("micrograd_gui", "micrograd_gui")))  # the app's language
    return app


@contextmanager
def _quit_on_ctrl_c(app: Any) -> Iterator[None]:
    """While show() blocks, Ctrl+C closes the window instead of waiting for Qt to return to Python."""
    import signal
    import threading

    from PySide6.QtCore import QTimer

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda *_: app.quit())
    timer = QTimer()
    timer.timeout.connect(lambda: None)  # wakes the interpreter so the Python handler runs
    timer.start(200)
    try:
        yield
    finally:
        timer.stop()
        signal.signal(signal.SIGINT, previous)
