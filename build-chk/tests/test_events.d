build-chk/tests/test_events: tests/unit/test_events.c \
 tests/unit/testutil.h include/entente.h src/events/events.h \
 src/events/../core/core.h
tests/unit/testutil.h:
include/entente.h:
src/events/events.h:
src/events/../core/core.h:
