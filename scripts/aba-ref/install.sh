#!/usr/bin/env bash
# Install clingo (the ASP solver behind reference.py) into <repo>/.venv, beside py_arg:
# clingo 5.8.3 and its CFFI bindings, pinned.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/../venv-install.sh" aba-ref \
    clingo 5.8.3 clingo "cffi==1.17.1" "pycparser==2.22"
