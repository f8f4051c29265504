build-chk/src/sources/distance.o: src/sources/distance.c \
 src/sources/srcutil.h src/sources/../store/store.h \
 src/sources/../store/../core/core.h include/entente.h \
 src/sources/../store/../core/reader.h \
 src/sources/../store/../core/core.h
src/sources/srcutil.h:
src/sources/../store/store.h:
src/sources/../store/../core/core.h:
include/entente.h:
src/sources/../store/../core/reader.h:
src/sources/../store/../core/core.h:
