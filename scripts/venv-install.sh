#!/usr/bin/env bash
# Installs one pinned Python package (and its pinned dependencies) into <repo>/.venv, the
# virtualenv every Python-based check shares. Idempotent: creates the venv only if it is
# missing, installs only if that exact version is not there yet. The venv is gitignored.
# Usage: venv-install.sh TAG PACKAGE VERSION MODULE [DEP==VERSION ...]
# (TAG prefixes the messages; MODULE is what must import). PYTHON may name the interpreter.
set -euo pipefail

TAG="$1" PKG="$2" VERSION="$3" MODULE="$4"
shift 4
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

have_it() {
    "$VENV/bin/python" - <<PY 2>/dev/null
import importlib.metadata as m, $MODULE  # noqa: F401
assert m.version("$PKG") == "$VERSION"
PY
}

if [ -x "$VENV/bin/python" ] && have_it; then
    echo "$TAG: $PKG $VERSION already in $VENV"
    exit 0
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "$TAG: creating $VENV with $("$PYTHON" --version 2>&1)"
    if ! "$PYTHON" -m venv "$VENV"; then
        echo "$TAG: '$PYTHON -m venv' failed (on Debian: apt-get install python3-venv)" >&2
        exit 1
    fi
fi

"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$PKG==$VERSION" "$@"

if ! have_it; then
    echo "$TAG: $PKG $VERSION did not install into $VENV" >&2
    exit 1
fi
echo "$TAG: installed $PKG $VERSION into $VENV"
