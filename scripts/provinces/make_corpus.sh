#!/bin/sh
# Regenerates test/fixtures/provinces (the .xlsx files, expected.json, README.md);
# with FILE.xlsx arguments only those workbooks, with --check none (the others are checked as they stand).
# Needs Debian's python3-openpyxl, python3-xlsxwriter and libreoffice-calc-nogui (soffice).
set -eu
exec /usr/bin/python3 "$(dirname "$0")/make_corpus.py" "$@"
