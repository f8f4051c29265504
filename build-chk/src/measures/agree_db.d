build-chk/src/measures/agree_db.o: src/measures/agree_db.c \
 src/measures/agree_db.h src/measures/../store/store.h \
 src/measures/../store/../core/core.h include/entente.h \
 src/measures/../store/../core/reader.h \
 src/measures/../store/../core/core.h src/measures/agreement.h
src/measures/agree_db.h:
src/measures/../store/store.h:
src/measures/../store/../core/core.h:
include/entente.h:
src/measures/../store/../core/reader.h:
src/measures/../store/../core/core.h:
src/measures/agreement.h:
