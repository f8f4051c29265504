build-chk/src/states/registry.o: src/states/registry.c \
 src/states/registry.h src/states/../core/core.h include/entente.h \
 src/states/../core/reader.h src/states/../core/core.h
src/states/registry.h:
src/states/../core/core.h:
include/entente.h:
src/states/../core/reader.h:
src/states/../core/core.h:
