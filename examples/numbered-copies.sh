#!/usr/bin/env bash
# The complete vertrouwelijke edition in numbered copies with a register, and a leak check
# of the public PDF against the source (it exits 1 if anything confidential is in it).
set -euo pipefail
cd "$(dirname "$0")/.."
source=fixtures/canaries/report.yaml
standgen build "$source" --edition vertrouwelijk --exemplaren 1-3 --format pdf --out out/copies
standgen build "$source" --format pdf --out out/copies
standgen check-leaks out/copies/stand-van-kanarie-najaar-2026-openbare-versie.pdf --source "$source"
cat out/copies/stand-van-kanarie-najaar-2026-register.csv
