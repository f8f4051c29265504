build-chk/tests/test_core: tests/unit/test_core.c tests/unit/testutil.h \
 include/entente.h src/core/atomic.h src/core/core.h src/core/core.h
tests/unit/testutil.h:
include/entente.h:
src/core/atomic.h:
src/core/core.h:
src/core/core.h:
