"""The import rules of ARCHITECTURE.md, as contracts (pyproject's [tool.importlinter]) and as a cycle check."""

from __future__ import annotations

import os
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), cache_dir=str(tmp_path), no_logo=True)
    out = capsys.readouterr().out
    assert code == 0, out
    assert "0 broken" in out and "KEPT" in out


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    # imports for type checking only do not run, so they make no cycle (the contracts above do count them)
    return grimp.build_graph("micrograd_gui", cache_dir=None, exclude_type_checking_imports=True)


def test_no_module_imports_itself_back(graph):
    """No import cycle at run time: nothing a module imports, directly or not, imports that module again."""
    cycles = []
    for importer in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(importer):
            if graph.chain_exists(importer=imported, imported=importer):
                cycles.append(f"{importer} <-> {imported}")
    assert not cycles, cycles


def test_the_window_stays_a_composition_root():
    """ARCHITECTURE.md: the window composes (model, controller, panels, docks, menus, geometry) and stays short."""
    window = (ROOT / "micrograd_gui" / "ui" / "main_window.py").read_text(encoding="utf-8").splitlines()
    assert len(window) <= 300, f"main_window.py has {len(window)} lines: move what is not composition out of it"


def test_the_contracts_cover_every_ui_module():
    """A new ui module must take a place in the layers contract (or be a helper the contract leaves free)."""
    # value_graph_window is show()'s own window, outside the app's: the package's root imports it (through
    # viewer.show), and menus imports the root for its version, so no layer above the panels can hold it
    helpers = {"__init__", "fields", "fitting_scroll", "flow_layout", "focus", "gif_stream", "graph_items",
               "graph_stage", "graph_view", "help", "i18n", "inspector", "network_canvas", "network_edges",
               "network_geometry", "neuron_colours", "param_editor", "picture_files", "presentation", "readouts",
               "recorder", "recording_save", "recovery_files", "scratch_leaves", "slide_image", "teacher_mode",
               "theme", "undo", "value_graph_panel", "value_graph_window", "view_options"}
    listed = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    layers = listed[listed.index('type = "layers"'):]
    for path in sorted((ROOT / "micrograd_gui" / "ui").glob("*.py")):
        name = path.stem
        assert name in helpers or name in layers, f"ui/{name}.py is in no layer of pyproject's contracts"
    assert os.path.isdir(ROOT / "micrograd_gui" / "ui" / "diagnostics")
