build-chk/tests/test_meetings: tests/unit/test_meetings.c \
 tests/unit/testutil.h include/entente.h src/meetings/match.h \
 src/meetings/meetings.h src/meetings/../core/core.h \
 src/meetings/meetings.h
tests/unit/testutil.h:
include/entente.h:
src/meetings/match.h:
src/meetings/meetings.h:
src/meetings/../core/core.h:
src/meetings/meetings.h:
