#!/bin/sh
# src_sipri_arms_transfers_tiv: rows of the sipri_arms_transfers_tiv tables (CHN-RUS, USA-JPN, USA-GBR) against the
# raw file read independently by Python's csv module; see srccheck.py.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
exec python3 "$(dirname "$0")/srccheck.py" sipri_arms_transfers_tiv
