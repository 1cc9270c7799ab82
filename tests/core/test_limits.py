"""The limits the core enforces, each with a message: points, model size."""

import pytest

from micrograd_gui import cli
from micrograd_gui.core.config import ConfigError
from micrograd_gui.core.datasets import MAX_POINTS, DatasetSpec
from micrograd_gui.core.files import csv_file
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Trainer


def test_a_model_over_20000_parameters_is_refused_with_its_size():
    big = get_preset("llm101n").config.with_changes(hidden=(64,) * 6)  # 2-64x6-3: 21,187 parameters
    with pytest.raises(ConfigError, match="the model would have 21187 parameters; the limit is 20000"):
        Trainer(big)
    Trainer(get_preset("llm101n").config.with_changes(hidden=(64,) * 5))  # 17,027: allowed


def test_the_command_line_reports_the_model_limit(capsys):
    assert cli.main(["train", "--hidden", "64,64,64,64,64,64", "--steps", "1"]) == 2
    assert "the limit is 20000" in capsys.readouterr().err


def test_datasets_and_csv_files_stop_at_max_points():
    with pytest.raises(ValueError, match=f"between 0 and {MAX_POINTS}"):
        DatasetSpec("quadrants", MAX_POINTS + 1, 0.0, 3).validate()
    text = "".join(f"{i % 90 / 100},0.5,{i % 2}\n" for i in range(MAX_POINTS))
    assert len(csv_file.parse(text)) == MAX_POINTS
    with pytest.raises(csv_file.CsvError, match=f"more than {MAX_POINTS} points"):
        csv_file.parse(text + "0,0,0\n")
