"""What the app reads and writes: atomic writes, the session file and CSV points."""
