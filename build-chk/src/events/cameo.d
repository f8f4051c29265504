build-chk/src/events/cameo.o: src/events/cameo.c src/events/events.h \
 src/events/../core/core.h include/entente.h
src/events/events.h:
src/events/../core/core.h:
include/entente.h:
