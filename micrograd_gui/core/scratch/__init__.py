"""The Scratchpad's core: text -> whitelisted ast -> Values on the app's engine (never eval or exec).

parse() checks a text and builds nothing; build() makes its Values (leaves moved by sliders) and back-propagates
from the last assignment; numerical_grads() checks those gradients by central differences."""

from __future__ import annotations

from micrograd_gui.core.scratch.builder import Built, build, numerical_grads
from micrograd_gui.core.scratch.compiler import METHODS, parse
from micrograd_gui.core.scratch.errors import ScratchError
from micrograd_gui.core.scratch.examples import EXAMPLES
from micrograd_gui.core.scratch.limits import MAX_CHARS, MAX_DEPTH, MAX_EXPONENT, MAX_LINES, MAX_NODES
from micrograd_gui.core.scratch.program import Leaf, Program

__all__ = ["EXAMPLES", "MAX_CHARS", "MAX_DEPTH", "MAX_EXPONENT", "MAX_LINES", "MAX_NODES", "METHODS", "Built",
           "Leaf", "Program", "ScratchError", "build", "numerical_grads", "parse"]
