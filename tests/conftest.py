"""Shared test set-up: Qt runs offscreen on a virtual 1920x1080 screen, never on a real display."""

import os
from pathlib import Path

# An explicit "offscreen" (as .ci/run sets) gets the same virtual screen; a real platform is left alone.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen.json')}"
