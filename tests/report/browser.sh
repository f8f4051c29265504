#!/bin/sh
# browser.sh -- an `entente report` page as a real browser shows it: headless
# Chromium renders the page of the hand-made panel (tests/fixtures/index) at
# laptop width (1280 px) and phone width (390 px), takes screenshots, and
# dumps the DOM; check_page.py then checks the screenshots are not blank (and
# show the subject's and the group's colours), that the DOM holds the six
# sections, the 15 inline charts with <title>/<desc>, the verdict text, and
# no parser error or external reference, and that every SVG is well-formed
# XML.  Skipped (77) without chromium.  Screenshots stay in $SHOTS if set.
command -v chromium >/dev/null 2>&1 || { echo "chromium not installed"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed"; exit 77; }
W="$TMPD/browser"
rm -rf "$W" && mkdir -p "$W" && cd "$W" || exit 1
"$ENTENTE" build --quiet --only states --data "$FIX/states" --db w.db || exit 1
sqlite3 w.db < "$FIX/index/panel.sql" || exit 1
"$ENTENTE" report CHN-RUS --with allies:USA --config "$FIX/index/small.conf" --db w.db \
    --from 2009 --to 2010 --draws 50 --seed 3 --svg charts -o report.html || exit 1
chrome() {  # chromium's own chatter (dbus, GPU) goes to a log, shown on failure
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$W/profile" --no-first-run --disable-extensions "$@" 2>>chrome.log
}
chrome --window-size=1280,2000 --screenshot="$W/laptop.png" "file://$W/report.html" >/dev/null &&
chrome --window-size=390,2400 --screenshot="$W/phone.png" "file://$W/report.html" >/dev/null &&
chrome --dump-dom "file://$W/report.html" >dom.html || { tail -20 chrome.log; exit 1; }
[ -n "$SHOTS" ] && mkdir -p "$SHOTS" && cp laptop.png phone.png "$SHOTS/"
python3 "$ROOT/tests/report/check_page.py" dom.html laptop.png phone.png charts \
    --expect "CHN-RUS ranks above 3 of 4 (75%) on the composite" \
    --expect "robustness (50 draws, seed 3): CHN-RUS ranks above the group median in 76% of draws" \
    --expect "The comparison in 2010" \
    --expect 'id="trend-composite"' --expect 'id="group-composite"' --expect 'id="ranks"' \
    --expect 'id="coverage"' || { tail -5 chrome.log; exit 1; }
