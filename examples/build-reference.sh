#!/usr/bin/env bash
# Build the reference report from the command line: validate, then the public DOCX and PDF,
# then the (made-up) vertrouwelijke bijlage as separate documents.
set -euo pipefail
cd "$(dirname "$0")/.."
source=fixtures/stand-van-defensie-voorjaar-2026/report.yaml
standgen validate "$source"
standgen build "$source" --out out/reference --timings
standgen build "$source" --edition bijlage --out out/reference
ls -l out/reference
