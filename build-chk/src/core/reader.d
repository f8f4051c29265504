build-chk/src/core/reader.o: src/core/reader.c src/core/reader.h \
 src/core/core.h include/entente.h
src/core/reader.h:
src/core/core.h:
include/entente.h:
