#!/bin/sh
# fuzzrun.sh -- run one libFuzzer harness for `make fuzz`: BIN SECONDS CORPUS SEEDS.
# Prints the fuzzer's last lines; a crash, leak or timeout (a non-zero exit)
# fails with the log's tail, so that `make fuzz` and CI fail too.  (Piping the
# fuzzer through `tail` lost its exit status: issue 10 #7.)
bin=$1 secs=$2 corpus=$3 seeds=$4
log="$bin.log"
mkdir -p "$corpus"
"$bin" -max_total_time="$secs" -max_len=4096 "$corpus" "$seeds" >"$log" 2>&1
rc=$?
tail -2 "$log"
if [ $rc -ne 0 ]; then
    echo "fuzz: $(basename "$bin") failed (exit $rc); the log is $log:"
    tail -40 "$log"
    exit 1
fi
