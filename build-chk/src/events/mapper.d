build-chk/src/events/mapper.o: src/events/mapper.c src/events/events.h \
 src/events/../core/core.h include/entente.h
src/events/events.h:
src/events/../core/core.h:
include/entente.h:
