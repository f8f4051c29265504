#!/bin/sh
# src_cow_trade: rows of the cow_trade tables (CHN-RUS, USA-JPN, USA-GBR) against the
# raw file read independently by Python's csv module; see srccheck.py.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
exec python3 "$(dirname "$0")/srccheck.py" cow_trade
