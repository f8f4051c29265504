build-chk/src/meetings/query.o: src/meetings/query.c src/meetings/query.h \
 src/meetings/meetings.h src/meetings/../core/core.h include/entente.h \
 src/meetings/../store/store.h src/meetings/../store/../core/core.h \
 src/meetings/../store/../core/reader.h \
 src/meetings/../store/../core/core.h
src/meetings/query.h:
src/meetings/meetings.h:
src/meetings/../core/core.h:
include/entente.h:
src/meetings/../store/store.h:
src/meetings/../store/../core/core.h:
src/meetings/../store/../core/reader.h:
src/meetings/../store/../core/core.h:
