#!/usr/bin/env bash
# The long fuzz run: N inputs (default 1,000,000) against agon's oracles, in process, release
# build. Prints the figures the README reports; failing inputs go to target/fuzz-failures/.
#   bash scripts/fuzz.sh [N] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet --example fuzz -- "${1:-1000000}" "${2:-1}"
