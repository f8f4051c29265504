build-chk/src/sources/icews_meetings.o: src/sources/icews_meetings.c \
 src/sources/../store/store.h src/sources/../store/../core/core.h \
 include/entente.h src/sources/../store/../core/reader.h \
 src/sources/../store/../core/core.h src/sources/../meetings/mstore.h \
 src/sources/../meetings/../store/store.h src/sources/../meetings/match.h \
 src/sources/../meetings/meetings.h \
 src/sources/../meetings/../core/core.h
src/sources/../store/store.h:
src/sources/../store/../core/core.h:
include/entente.h:
src/sources/../store/../core/reader.h:
src/sources/../store/../core/core.h:
src/sources/../meetings/mstore.h:
src/sources/../meetings/../store/store.h:
src/sources/../meetings/match.h:
src/sources/../meetings/meetings.h:
src/sources/../meetings/../core/core.h:
