"""Benchmarks: `make bench` measures the kiosk against a bare-Qt floor and writes BENCHMARKS.md."""
