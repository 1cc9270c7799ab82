"""micrograd_gui: watch a scalar autograd engine learn, node by node; show(root) draws any micrograd Value's graph."""

from micrograd_gui.viewer import show

__all__ = ["show"]
__version__ = "0.1.0"
