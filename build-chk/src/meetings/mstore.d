build-chk/src/meetings/mstore.o: src/meetings/mstore.c \
 src/meetings/mstore.h src/meetings/../store/store.h \
 src/meetings/../store/../core/core.h include/entente.h \
 src/meetings/../store/../core/reader.h \
 src/meetings/../store/../core/core.h src/meetings/match.h \
 src/meetings/meetings.h src/meetings/../core/core.h
src/meetings/mstore.h:
src/meetings/../store/store.h:
src/meetings/../store/../core/core.h:
include/entente.h:
src/meetings/../store/../core/reader.h:
src/meetings/../store/../core/core.h:
src/meetings/match.h:
src/meetings/meetings.h:
src/meetings/../core/core.h:
