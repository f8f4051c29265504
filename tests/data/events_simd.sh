#!/bin/sh
# The GDELT fast scanners (AVX2, AVX-512BW, SSE2, see src/events/scan_gdelt.h)
# give output and row accounting byte-identical to the generic scanner
# (ENTENTE_SIMD=none), on the real raw GDELT 1.0 sample repeated and salted with
# every irregular row the fast path hands back: short and long rows, CRLF,
# blank lines, a row longer than 4 KiB, bad values, no final newline; with
# threads and byte ranges; and the first error in strict mode is the same.
T="$DATA/gdelt_sample/GDELT1_raw_daily_export_sample_710rows.tsv"
[ -f "$T" ] || { echo "no $T"; exit 77; }
W="$TMPD/evsimd"; mkdir -p "$W"; cd "$W" || exit 1
export ENTENTE_DATA="$DATA"
fail=0
head -300 "$T" > a.tsv
sed -n 1p "$T" | cut -f1-20 >> a.tsv                         # short row
sed -n 2p "$T" | sed 's/$/\textra/' >> a.tsv                 # extra field
sed -n 3,40p "$T" | sed 's/$/\r/' >> a.tsv                   # CRLF rows
printf '\n\n' >> a.tsv                                       # blank lines
sed -n 41p "$T" | awk -F'\t' -v OFS='\t' '{ s = ""; for (i = 0; i < 5000; i++) s = s "x"; $58 = $58 s; print }' >> a.tsv
sed -n 42p "$T" | awk -F'\t' -v OFS='\t' '{ $2 = "20061332"; print }' >> a.tsv  # bad date
sed -n 43p "$T" | awk -F'\t' -v OFS='\t' '{ $31 = "x1.0"; print }' >> a.tsv     # bad Goldstein
sed -n 44p "$T" | awk -F'\t' -v OFS='\t' '{ $27 = "9999"; print }' >> a.tsv     # unknown code
sed -n 45p "$T" | awk -F'\t' -v OFS='\t' '{ $30 = "7"; print }' >> a.tsv        # bad QuadClass
sed -n 46p "$T" | awk -F'\t' -v OFS='\t' '{ $32 = "-"; print }' >> a.tsv        # bad count
sed -n 47,710p "$T" >> a.tsv
cat a.tsv a.tsv a.tsv > big.tsv
sed -n 5p "$T" | tr -d '\n' >> big.tsv                       # no final newline
n=0
for simd in none sse2 avx2 avx512; do
    for args in "--threads 1" "--threads 2 --split-bytes 7000" "--by day --key code"; do
        n=$((n + 1))
        ENTENTE_SIMD=$simd "$ENTENTE" events big.tsv --lenient $args -o out.$simd.$n.csv > log.$simd.$n 2>&1
        echo "rc $?" >> log.$simd.$n
        if [ $simd != none ]; then
            m=$((n - 3 * (n > 3) - 3 * (n > 6) - 3 * (n > 9)))
            cmp -s out.none.$m.csv out.$simd.$n.csv && cmp -s log.none.$m log.$simd.$n ||
                { echo "FAIL: ENTENTE_SIMD=$simd $args differs from the generic scanner"; diff log.none.$m log.$simd.$n | head; fail=1; }
        fi
    done
    ENTENTE_SIMD=$simd "$ENTENTE" events big.tsv --threads 2 --split-bytes 9000 -o strict.csv > strict.$simd 2>&1
    echo "rc $?" >> strict.$simd
    cmp -s strict.none strict.$simd || { echo "FAIL: strict error with ENTENTE_SIMD=$simd"; diff strict.none strict.$simd; fail=1; }
done
grep -q "malformed: short row" log.none.1 && grep -q "big.tsv:301: short row" strict.none || { echo "FAIL: the salted rows were not seen"; cat log.none.1; fail=1; }
[ $fail = 0 ] && echo "fast scanners identical to the generic scanner ($n runs)"
exit $fail
