#!/bin/sh
# install.sh -- `make install` into a temporary prefix, then build the worked
# example of docs/api.md with nothing but `pkg-config --cflags --libs entente`
# and run it on a small warehouse.  Exit 0 pass, 77 skipped, else fail.
set -e
case "$B" in *san*) echo "not under sanitizers (the example is built without them)"; exit 77 ;; esac
command -v pkg-config >/dev/null || { echo "no pkg-config"; exit 77; }
W="$TMPD/install"; rm -rf "$W"; mkdir -p "$W"
make -s -C "$ROOT" B="$B" PREFIX="$W/prefix" install >"$W/make.out" 2>&1 || { cat "$W/make.out"; exit 1; }
for f in bin/entente lib/libentente.a lib/libentente.so lib/libentente.so.0 \
         lib/pkgconfig/entente.pc include/entente.h share/man/man1/entente.1 \
         share/doc/entente/measures.md; do
    [ -e "$W/prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done
grep -q '^Requires.private: sqlite3 zlib libzip libcrypto' "$W/prefix/lib/pkgconfig/entente.pc"
# the shared library exports the public API and nothing private
nm -D --defined-only "$W/prefix/lib/libentente.so" | grep -q ' T ent_db_open@'
if nm -D --defined-only "$W/prefix/lib/libentente.so" | grep -q ' T ent_err@'; then
    echo "private symbol ent_err exported"; exit 1
fi
if ldd "$W/prefix/lib/libentente.so" | grep -qi mpi; then echo "MPI on the library's link line"; exit 1; fi
# the worked example, extracted from docs/api.md
sed -n '/^```c$/,/^```$/p' "$ROOT/docs/api.md" | sed '1d;$d' > "$W/example.c"
grep -q 'api-example.c' "$W/example.c"
export PKG_CONFIG_PATH="$W/prefix/lib/pkgconfig"
cc -o "$W/example" "$W/example.c" $(pkg-config --cflags --libs entente)
"$ENTENTE" build --quiet --only states --data "$FIX/states" --db "$W/w.db"
got=$(LD_LIBRARY_PATH="$W/prefix/lib" "$W/example" "$W/w.db")
echo "$got"
[ "$got" = "CHN (710) and RUS (365), members in 2014: 1 1" ]
