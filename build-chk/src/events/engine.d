build-chk/src/events/engine.o: src/events/engine.c src/events/events.h \
 src/events/../core/core.h include/entente.h src/events/scan_gdelt.h
src/events/events.h:
src/events/../core/core.h:
include/entente.h:
src/events/scan_gdelt.h:
