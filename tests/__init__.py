"""sayso tests: run with `make test` (see the README)."""
