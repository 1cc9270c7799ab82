"""micrograd_gui: watch a scalar autograd engine learn, node by node."""

__version__ = "0.1.0"
