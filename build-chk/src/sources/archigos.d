build-chk/src/sources/archigos.o: src/sources/archigos.c \
 src/sources/../store/store.h src/sources/../store/../core/core.h \
 include/entente.h src/sources/../store/../core/reader.h \
 src/sources/../store/../core/core.h src/sources/../meetings/meetings.h \
 src/sources/../meetings/../core/core.h
src/sources/../store/store.h:
src/sources/../store/../core/core.h:
include/entente.h:
src/sources/../store/../core/reader.h:
src/sources/../store/../core/core.h:
src/sources/../meetings/meetings.h:
src/sources/../meetings/../core/core.h:
