#!/bin/sh
# panel_issue9: arms_deliv_*, imf_*, mme_*, us_troops for CHN-RUS, USA-IND,
# RUS-IND, USA-JPN in every year of their coverage against the raw files read
# independently by Python (see issue9_ref.py), and the rows SOURCE.txt verifies.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
exec python3 "$(dirname "$0")/issue9_ref.py"
