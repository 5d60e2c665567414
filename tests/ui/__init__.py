"""The reader's tests: pilot tests, snapshots and real-terminal runs (helpers in *_support)."""
