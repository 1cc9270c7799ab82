"""README's two set-up commands exist, and .ci/run runs the test one verbatim."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_commands():
    section = ROOT.joinpath("README.md").read_text().split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", section)


def test_readme_has_exactly_two_setup_commands():
    cmds = setup_commands()
    assert len(cmds) == 2
    assert cmds[0].endswith("micrograd-gui") and "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command():
    assert setup_commands()[1] in ROOT.joinpath(".ci/run").read_text()
