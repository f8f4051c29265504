build-chk/src/panel/assemble.o: src/panel/assemble.c src/panel/panel.h \
 include/entente.h src/panel/../store/store.h \
 src/panel/../store/../core/core.h src/panel/../store/../core/reader.h \
 src/panel/../store/../core/core.h src/panel/../measures/agreement.h
src/panel/panel.h:
include/entente.h:
src/panel/../store/store.h:
src/panel/../store/../core/core.h:
src/panel/../store/../core/reader.h:
src/panel/../store/../core/core.h:
src/panel/../measures/agreement.h:
