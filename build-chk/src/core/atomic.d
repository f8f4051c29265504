build-chk/src/core/atomic.o: src/core/atomic.c src/core/atomic.h \
 src/core/core.h include/entente.h
src/core/atomic.h:
src/core/core.h:
include/entente.h:
