"""karpathy/micrograd's modules on the app's engine: lesson code runs with `micrograd` -> `micrograd_gui.micrograd`."""
