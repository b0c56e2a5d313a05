#!/usr/bin/env bash
# Install clingo (the ASP solver behind reference.py) into <repo>/.venv.
# Idempotent and fast when already there: creates the venv only if it is
# missing (it may already hold py_arg from scripts/pyarg/install.sh; that is
# left alone), installs clingo==$VERSION only if that exact version is absent.
# The venv is gitignored; never commit it.  PYTHON may name the interpreter.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"
PKG="clingo"
VERSION="5.8.3"
# clingo's only dependency (CFFI bindings), pinned so every machine gets the same set.
DEPS=("cffi==1.17.1" "pycparser==2.22")

have_it() {
    "$VENV/bin/python" - <<PY 2>/dev/null
import importlib.metadata as m, clingo  # noqa: F401
assert m.version("$PKG") == "$VERSION"
PY
}

if [ -x "$VENV/bin/python" ] && have_it; then
    echo "aba-ref: $PKG $VERSION already in $VENV"
    exit 0
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "aba-ref: creating $VENV with $("$PYTHON" --version 2>&1)"
    if ! "$PYTHON" -m venv "$VENV"; then
        echo "aba-ref: '$PYTHON -m venv' failed (on Debian: apt-get install python3-venv)" >&2
        exit 1
    fi
fi

"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "$PKG==$VERSION" "${DEPS[@]}"

if ! have_it; then
    echo "aba-ref: $PKG $VERSION did not install into $VENV" >&2
    exit 1
fi
echo "aba-ref: installed $PKG $VERSION into $VENV"
