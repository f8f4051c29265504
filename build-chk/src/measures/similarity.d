build-chk/src/measures/similarity.o: src/measures/similarity.c \
 src/measures/similarity.h src/measures/../core/core.h include/entente.h \
 src/measures/agreement.h src/measures/../core/reader.h \
 src/measures/../core/core.h
src/measures/similarity.h:
src/measures/../core/core.h:
include/entente.h:
src/measures/agreement.h:
src/measures/../core/reader.h:
src/measures/../core/core.h:
