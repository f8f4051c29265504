build-chk/src/store/build.o: src/store/build.c src/store/store.h \
 src/store/../core/core.h include/entente.h src/store/../core/reader.h \
 src/store/../core/core.h
src/store/store.h:
src/store/../core/core.h:
include/entente.h:
src/store/../core/reader.h:
src/store/../core/core.h:
