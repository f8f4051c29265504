build-chk/tests/test_agreement: tests/unit/test_agreement.c \
 tests/unit/testutil.h include/entente.h src/measures/agreement.h \
 src/measures/votepanel.h src/core/core.h
tests/unit/testutil.h:
include/entente.h:
src/measures/agreement.h:
src/measures/votepanel.h:
src/core/core.h:
