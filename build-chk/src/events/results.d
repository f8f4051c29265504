build-chk/src/events/results.o: src/events/results.c src/events/events.h \
 src/events/../core/core.h include/entente.h
src/events/events.h:
src/events/../core/core.h:
include/entente.h:
