#!/usr/bin/env bash
# Install the py_arg reference implementation used by scripts/pyarg/oracle.py into
# <repo>/.venv: python-argumentation 2.0.2 and its one dependency, pinned.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/../venv-install.sh" pyarg \
    python-argumentation 2.0.2 py_arg "parse==1.22.4"
