build-chk/tests/test_reader: tests/unit/test_reader.c \
 tests/unit/testutil.h include/entente.h src/core/reader.h \
 src/core/core.h
tests/unit/testutil.h:
include/entente.h:
src/core/reader.h:
src/core/core.h:
