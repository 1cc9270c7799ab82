"""Command line: the GUI (default), train, graph, expr, bench, --self-test, --version."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import __version__
from .cli_args import OneLineParser, point
from .core.config import ConfigError, TrainConfig
from .core.presets import PRESETS, get_preset

if TYPE_CHECKING:
    from .core.graph.trace import Graph


def _hidden(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(s) for s in text.split(",") if s.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"--hidden takes sizes like 16,16, got '{text}'") from None
    return sizes


def _features(text: str) -> tuple[str, ...]:
    from .core.features import parse

    try:
        return parse(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _config(args: argparse.Namespace) -> TrainConfig:
    config = get_preset(args.preset).config
    changes: dict[str, object] = {}
    if args.seed is not None:
        changes["seed"] = args.seed
    if args.hidden is not None:
        changes["hidden"] = args.hidden
    if args.engine is not None:
        changes["engine"] = args.engine
    if args.l1 is not None:
        changes["l1"] = args.l1
    if args.features is not None:
        changes["features"] = args.features
    return config.with_changes(**changes)


def build_parser() -> argparse.ArgumentParser:
    p = OneLineParser(prog="micrograd-gui", description="Watch a scalar autograd engine learn.")
    p.add_argument("--version", action="version", version=f"micrograd-gui {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="open the real window, drive it as a user would, print its figures")
    sub = p.add_subparsers(dest="command")

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--preset", default="llm101n", choices=sorted(PRESETS), help="starting point")
        sp.add_argument("--seed", type=int, help="RNG seed (data, weights, mini-batches)")
        sp.add_argument("--hidden", type=_hidden, help="hidden layer sizes, e.g. 16,16")
        sp.add_argument("--engine", choices=("eager", "fast"), help="Value objects or the compiled numpy plan")
        sp.add_argument("--l1", type=float, help="L1 penalty: adds L1 * sum(|p|) to the loss (default 0)")
        sp.add_argument("--features", type=_features, metavar="x,y,x2,y2,xy,sinx,siny",
                        help="the network's inputs, built from each point's x and y (default x,y)")

    t = sub.add_parser("train", help="train headless and print the LLM101n-style log")
    common(t)
    t.add_argument("--steps", type=int, help="number of steps (default: the preset's)")

    g = sub.add_parser("graph", help="write the computation graph of one point's loss")
    common(g)
    g.add_argument("--point", type=point, required=True, help="the point, X,Y")
    g.add_argument("--label", type=int, required=True, help="its class")
    g.add_argument("--steps", type=int, default=0, help="training steps first (default 0)")
    g.add_argument("--format", choices=("json", "dot", "svg"), default="json")
    g.add_argument("--out", help="file to write (default: standard output)")

    e = sub.add_parser("expr", help="build Scratchpad code and write its graph, back-propagated from the last line",
                       description="Build Scratchpad code (numbers, names, Value(2.0, label='a'), + - * / ** number, "
                                   "unary -, .tanh() .relu() .exp() .log() .sigmoid(), sum([...]); statements on "
                                   "lines or separated by ;), back-propagate from the last assignment and write "
                                   "its graph. Anything else exits 2 with the line and column, having run nothing.")
    e.add_argument("code", nargs="?", help="the code, or - to read it from standard input")
    e.add_argument("--file", help="read the code from this file")
    e.add_argument("--format", choices=("json", "dot", "svg"), default="json")
    e.add_argument("--out", help="file to write (default: standard output)")

    sub.add_parser("bench", help="print the performance table (micrograd-gui bench --help for its options)")
    return p


def cmd_train(args: argparse.Namespace) -> int:
    from .core.divergence import explain
    from .core.trainer import Diverged, Trainer

    config = _config(args)
    steps = config.steps if args.steps is None else args.steps
    config = config.with_changes(steps=steps)
    trainer = Trainer(config)
    trainer.check_data()
    try:
        trainer.run(steps, log=lambda line: print(line, flush=True))
    except Diverged as e:  # as the app says it: the cause, then what was done and what to do
        print(f"micrograd-gui: {explain(trainer, str(e))}", file=sys.stderr)
        return 1
    return 0


def cmd_graph(args: argparse.Namespace) -> int:
    from .core.graph.probe import point_graph
    from .core.trainer import Diverged

    config = _config(args)
    try:
        graph = point_graph(config, args.point, args.label, args.steps)
    except Diverged as e:  # the training before the graph diverged: said as `train` says it, exit 1 as there
        print(f"micrograd-gui: {e}", file=sys.stderr)
        return 1
    _write_graph(graph, args.format, args.out)
    return 0


def cmd_expr(args: argparse.Namespace) -> int:
    from .core.graph.trace import trace
    from .core.scratch import build, parse

    built = build(parse(_expr_code(args)))  # a ScratchError is a ValueError: one line, exit 2
    _write_graph(trace(built.root), args.format, args.out)
    return 0


def _expr_code(args: argparse.Namespace) -> str:
    """The code from the argument, standard input (-) or --file; reads at most one character past the limit."""
    from .core.scratch import MAX_CHARS

    if (args.code is None) == (args.file is None):
        raise ValueError("expr takes the code, - (standard input) or --file F: exactly one of them")
    if args.file is None and args.code != "-":
        return str(args.code)
    try:
        if args.file is None:
            if sys.stdin is None:  # a GUI launcher on Windows gives none
                raise ValueError("there is no standard input to read the code from")
            return sys.stdin.read(MAX_CHARS + 1)  # parse() refuses a longer text by its length
        with open(args.file, encoding="utf-8") as f:
            return f.read(MAX_CHARS + 1)
    except UnicodeDecodeError:
        raise ValueError(f"{args.file or 'standard input'} is not UTF-8 text") from None
    except OSError as e:
        raise ValueError(f"cannot read {args.file or 'standard input'}: {e.strerror or e}") from None


def _write_graph(graph: Graph, fmt: str, out: str | None) -> None:
    """The graph as JSON, DOT or SVG to out (written whole or not at all) or standard output; the summary after."""
    if fmt == "json":
        text = graph.to_json()
    elif fmt == "dot":
        text = graph.to_dot()
    else:
        from .core.graph.svg import to_svg

        text = to_svg(graph)
    summary = f"nodes {len(graph.nodes)} edges {len(graph.edges)}"
    if out:
        from .core.files.atomic import atomic_write

        try:
            atomic_write(out, text)
        except OSError as e:  # a missing folder, a directory, no permission: exit 2 with a message
            raise ValueError(f"cannot write {out}: {e.strerror or e}") from None
        print(summary)
    else:
        sys.stdout.write(text)
        print(summary, file=sys.stderr)


def run_gui(self_test: bool = False) -> int:
    """Create the QApplication (only here and in viewer.show(), for a script with no app yet) and open the window."""
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as e:  # a broken install: say so rather than crash with a traceback
        print(f"micrograd-gui: Qt could not be loaded ({e}); reinstall with 'pip install -e .'", file=sys.stderr)
        return 3
    sys.setswitchinterval(0.001)  # let the GUI thread take the GIL from the training thread quickly
    existing = QApplication.instance()  # typed QCoreApplication; the app's widgets need a QApplication
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("micrograd-gui")
    app.setOrganizationName("micrograd_gui")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("micrograd-gui")  # matches resources/linux/micrograd-gui.desktop (Wayland app id)
    _set_window_icon(app)
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=False)  # antialiased paths cost most of a frame; symbols are cached anyway
    if self_test:  # a report for the command line: in English whatever the language setting
        from .ui.diagnostics.selftest import run_self_test

        return run_self_test(app)
    from .ui.app_shell import AppShell

    shell = AppShell(app)  # installs the remembered language before the window is built; closes it on quit
    window = shell.start()
    window.show()
    window.activateWindow()  # keyboard shortcuts work at once, also without a window manager
    _quit_on_signals(app)
    return int(app.exec())


def _set_window_icon(app) -> None:  # type: ignore[no-untyped-def]
    """The app icon from resources/ (PNGs: no SVG plugin needed); a missing icon is reported, never fatal."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from .resources import ICON_SIZES, resource_path

    try:
        files = {size: resource_path("icons", f"micrograd-gui-{size}.png") for size in ICON_SIZES}
    except FileNotFoundError as e:
        print(f"micrograd-gui: {e}", file=sys.stderr)
        return
    icon = QIcon()
    for size, file in files.items():
        icon.addFile(str(file), QSize(size, size))
    if any(not f.is_file() for f in files.values()) or icon.pixmap(QSize(32, 32)).isNull():
        print(f"micrograd-gui: the app icon could not be loaded from {files[32].parent}", file=sys.stderr)
        return
    app.setWindowIcon(icon)


def _quit_on_signals(app) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+C or SIGTERM close the window properly instead of killing a running thread."""
    import signal

    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)  # wakes the interpreter so Python signal handlers run
    timer.start(200)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:  # bench has options of its own; argparse's REMAINDER would not pass them on
        from .bench import main as bench_main

        return int(bench_main(argv[1:]) or 0)
    args = build_parser().parse_args(argv)
    try:
        if args.command == "train":
            return cmd_train(args)
        if args.command == "graph":
            return cmd_graph(args)
        if args.command == "expr":
            return cmd_expr(args)
        return run_gui(self_test=args.self_test)
    except (ConfigError, ValueError) as e:
        print(f"micrograd-gui: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except OSError as e:  # standard output on a full disk, say: one line, as every other failure
        print(f"micrograd-gui: {e.strerror or e}", file=sys.stderr)
        return 2
