build-chk/src/sources/sources.o: src/sources/sources.c \
 src/sources/../store/store.h src/sources/../store/../core/core.h \
 include/entente.h src/sources/../store/../core/reader.h \
 src/sources/../store/../core/core.h
src/sources/../store/store.h:
src/sources/../store/../core/core.h:
include/entente.h:
src/sources/../store/../core/reader.h:
src/sources/../store/../core/core.h:
