build-chk/src/sources/unvotes.o: src/sources/unvotes.c \
 src/sources/../store/store.h src/sources/../store/../core/core.h \
 include/entente.h src/sources/../store/../core/reader.h \
 src/sources/../store/../core/core.h src/sources/../measures/votepanel.h \
 src/core/core.h src/measures/agreement.h \
 src/sources/../measures/agree_db.h \
 src/sources/../measures/../store/store.h \
 src/sources/../measures/agreement.h src/sources/unvotes.h
src/sources/../store/store.h:
src/sources/../store/../core/core.h:
include/entente.h:
src/sources/../store/../core/reader.h:
src/sources/../store/../core/core.h:
src/sources/../measures/votepanel.h:
src/core/core.h:
src/measures/agreement.h:
src/sources/../measures/agree_db.h:
src/sources/../measures/../store/store.h:
src/sources/../measures/agreement.h:
src/sources/unvotes.h:
