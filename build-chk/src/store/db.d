build-chk/src/store/db.o: src/store/db.c src/store/store.h \
 src/store/../core/core.h include/entente.h src/store/../core/reader.h \
 src/store/../core/core.h
src/store/store.h:
src/store/../core/core.h:
include/entente.h:
src/store/../core/reader.h:
src/store/../core/core.h:
