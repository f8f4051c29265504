build-chk/src/core/core.o: src/core/core.c src/core/core.h \
 include/entente.h
src/core/core.h:
include/entente.h:
