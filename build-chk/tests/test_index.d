build-chk/tests/test_index: tests/unit/test_index.c tests/unit/testutil.h \
 include/entente.h src/index/index.h src/index/../core/core.h
tests/unit/testutil.h:
include/entente.h:
src/index/index.h:
src/index/../core/core.h:
