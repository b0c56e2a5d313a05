#!/usr/bin/env bash
# Install the py_arg reference implementation used by scripts/pyarg/oracle.py.
# Idempotent: creates <repo>/.venv only if it is missing, installs
# python-argumentation==2.0.2 only if that exact version is not there yet.
# The venv is gitignored; never commit it.  PYTHON may name the interpreter.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"
PKG="python-argumentation"
VERSION="2.0.2"
# py_arg's only dependency, pinned so that every machine gets the same set.
DEPS=("parse==1.22.4")

have_it() {
    "$VENV/bin/python" - <<PY 2>/dev/null
import importlib.metadata as m, py_arg  # noqa: F401
assert m.version("$PKG") == "$VERSION"
PY
}

if [ -x "$VENV/bin/python" ] && have_it; then
    echo "pyarg: $PKG $VERSION already in $VENV"
    exit 0
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "pyarg: creating $VENV with $("$PYTHON" --version 2>&1)"
    if ! "$PYTHON" -m venv "$VENV"; then
        echo "pyarg: '$PYTHON -m venv' failed (on Debian: apt-get install python3-venv)" >&2
        exit 1
    fi
fi

"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "$PKG==$VERSION" "${DEPS[@]}"

if ! have_it; then
    echo "pyarg: $PKG $VERSION did not install into $VENV" >&2
    exit 1
fi
echo "pyarg: installed $PKG $VERSION into $VENV"
