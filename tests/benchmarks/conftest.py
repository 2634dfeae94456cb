"""The benchmark is a script (``make bench``), not a test: keep pytest out of this folder."""

collect_ignore_glob = ["*.py"]
