build-chk/src/sources/cow_mid.o: src/sources/cow_mid.c \
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
