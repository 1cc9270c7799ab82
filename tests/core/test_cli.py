"""Command-line errors are clear messages with exit code 2, never tracebacks."""

import pytest

from micrograd_gui import __version__
from micrograd_gui.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and __version__ in capsys.readouterr().out


@pytest.mark.parametrize("args,msg", [
    (["train", "--preset", "hand"], "no training points"),
    (["train", "--hidden", "8,0"], "1 to 64 neurons"),
    (["train", "--seed", "-3"], "seed"),
    (["train", "--steps", "-1"], "steps cannot be negative"),
])
def test_bad_settings_exit_2_with_a_message(capsys, args, msg):
    assert main(args) == 2
    assert msg in capsys.readouterr().err


def test_unknown_preset_is_an_argparse_error(capsys):
    with pytest.raises(SystemExit) as e:
        main(["train", "--preset", "nope"])
    assert e.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_train_with_other_seed_and_shape(capsys):
    assert main(["train", "--engine", "eager", "--seed", "3", "--hidden", "4,4", "--steps", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("step 1/2, val loss ") and lines[-1].startswith("step 2/2, train loss ")


def test_graph_out_to_a_missing_folder_exits_2(tmp_path, capsys):
    target = tmp_path / "no" / "g.json"
    assert main(["graph", "--engine", "eager", "--point", "0,0", "--label", "0", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"micrograd-gui: cannot write {target}") and len(err.splitlines()) == 1
    assert not target.parent.exists()
