"""The Qt application: panels, the training worker and the window that composes them."""
