build-chk/tests/test_registry: tests/unit/test_registry.c \
 tests/unit/testutil.h include/entente.h
tests/unit/testutil.h:
include/entente.h:
