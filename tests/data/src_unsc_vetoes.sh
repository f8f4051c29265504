#!/bin/sh
# src_unsc_vetoes: rows of the unsc_vetoes tables (CHN-RUS, USA-JPN, USA-GBR) against the
# raw file read independently by Python's csv module; see srccheck.py.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
exec python3 "$(dirname "$0")/srccheck.py" unsc_vetoes
