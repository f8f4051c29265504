build-chk/src/events/store.o: src/events/store.c src/events/events.h \
 src/events/../core/core.h include/entente.h src/events/../store/store.h \
 src/events/../store/../core/core.h src/events/../store/../core/reader.h \
 src/events/../store/../core/core.h
src/events/events.h:
src/events/../core/core.h:
include/entente.h:
src/events/../store/store.h:
src/events/../store/../core/core.h:
src/events/../store/../core/reader.h:
src/events/../store/../core/core.h:
