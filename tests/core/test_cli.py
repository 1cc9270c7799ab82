"""Command-line errors are clear messages with exit code 2, never tracebacks."""

import os

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


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


GRAPH = ["graph", "--point", "0,0", "--label", "0"]


def test_graph_out_onto_a_folder_exits_2(tmp_path, capsys):
    (tmp_path / "keep").write_text("k")
    assert main([*GRAPH, "--out", str(tmp_path)]) == 2
    assert one_line(capsys) == f"micrograd-gui: cannot write {tmp_path}: it is a folder, not a file\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep"]


@pytest.mark.parametrize("target", ["/dev/full", "/dev/null", "/proc/version"])
def test_graph_out_onto_a_device_or_a_proc_file_exits_2(capsys, monkeypatch, target):
    if not os.path.exists(target):
        pytest.skip(f"no {target} here")
    from micrograd_gui.core.files import atomic

    real = atomic.os.replace  # as root, a rename over /dev/full would replace the device: fail the test instead

    def guarded(src, dst):
        if os.path.realpath(dst).startswith(("/dev/", "/proc/")):
            pytest.fail(f"a temporary was renamed over {dst}")
        return real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", guarded)
    kind = os.stat(target).st_mode
    assert main([*GRAPH, "--out", target]) == 2
    assert one_line(capsys).startswith(f"micrograd-gui: cannot write {target}: ")
    assert os.stat(target).st_mode == kind  # a device stays a device, also for root


@pytest.mark.parametrize("point", ["nan,1", "1,nan", "inf,1", "-inf,0", "1e308,1e308", "100.5,0", "0,-101",
                                   "1,2,3", "a,b", ""])
def test_graph_refuses_a_point_the_plane_would_refuse(capsys, point):
    with pytest.raises(SystemExit) as e:
        main(["graph", f"--point={point}", "--label", "0"])
    assert e.value.code == 2
    err = one_line(capsys)
    assert "--point" in err and "X,Y" in err


def test_graph_takes_a_point_on_the_planes_edge(capsys):
    assert main(["graph", "--point", "100,-100", "--label", "0"]) == 0


def test_a_divergence_while_graph_trains_is_one_line(capsys):
    assert main([*GRAPH, "--preset", "llm101n", "--l1", "1e308", "--steps", "3"]) == 1
    assert one_line(capsys).startswith("micrograd-gui: ")


@pytest.mark.parametrize("args", [["--steps", "0"], ["--steps", "-1"], ["--maps", "0"], ["--slow-steps", "0"],
                                  ["--slow-steps", "-5"], ["--eager-map-points", "0"], ["--soak-steps", "0"],
                                  ["--steps", "x"], ["--cases", "nope"]])
def test_bench_refuses_counts_below_one_in_one_line(capsys, args):
    with pytest.raises(SystemExit) as e:
        main(["bench", *args])
    assert e.value.code == 2
    err = one_line(capsys)
    assert err.startswith("micrograd-gui bench: ")


def test_argument_errors_are_one_line_that_points_to_help(capsys):
    with pytest.raises(SystemExit) as e:
        main(["train", "--hidden", "x"])
    assert e.value.code == 2
    assert one_line(capsys) == ("micrograd-gui train: argument --hidden: --hidden takes sizes like 16,16, got 'x' "
                                "(see micrograd-gui train --help)\n")
