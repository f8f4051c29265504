build-chk/src/states/registry_db.o: src/states/registry_db.c \
 src/states/registry.h src/states/../core/core.h include/entente.h \
 src/states/../store/store.h src/states/../store/../core/core.h \
 src/states/../store/../core/reader.h src/states/../store/../core/core.h
src/states/registry.h:
src/states/../core/core.h:
include/entente.h:
src/states/../store/store.h:
src/states/../store/../core/core.h:
src/states/../store/../core/reader.h:
src/states/../store/../core/core.h:
