build-chk/src/sources/ideal_points.o: src/sources/ideal_points.c \
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
