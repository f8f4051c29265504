build-chk/src/sources/states.o: src/sources/states.c \
 src/sources/../store/store.h src/sources/../store/../core/core.h \
 include/entente.h src/sources/../store/../core/reader.h \
 src/sources/../store/../core/core.h src/sources/../states/registry.h \
 src/sources/../states/../core/core.h
src/sources/../store/store.h:
src/sources/../store/../core/core.h:
include/entente.h:
src/sources/../store/../core/reader.h:
src/sources/../store/../core/core.h:
src/sources/../states/registry.h:
src/sources/../states/../core/core.h:
