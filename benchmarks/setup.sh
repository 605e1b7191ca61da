#!/usr/bin/env bash
# Install what the benchmark's peer routes need: pandoc and LibreOffice from the system
# packages, and the bench extra (typst, a pandoc new enough to write Typst, profilers).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pandoc >/dev/null || ! command -v soffice >/dev/null; then
    apt-get update -qq
    command -v pandoc >/dev/null || apt-get install -y -qq pandoc
    command -v soffice >/dev/null || apt-get install -y -qq libreoffice-writer-nogui
fi
python3 -m pip install -q -e '.[bench]'
