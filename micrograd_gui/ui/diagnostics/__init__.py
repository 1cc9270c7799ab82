"""Qt diagnostics of the real window: `--self-test` (selftest.py) and `bench --soak` (soak.py), one driver."""
