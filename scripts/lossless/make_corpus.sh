#!/bin/sh
# Regenerates test/fixtures/lossless (the .xlsx files, manifest.json, README.md).
# Needs Debian's python3-xlsxwriter, python3-openpyxl and libreoffice-calc-nogui (soffice).
set -eu
exec /usr/bin/python3 "$(dirname "$0")/make_corpus.py" "$@"
