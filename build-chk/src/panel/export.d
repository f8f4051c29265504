build-chk/src/panel/export.o: src/panel/export.c src/panel/panel.h \
 include/entente.h src/panel/../core/core.h
src/panel/panel.h:
include/entente.h:
src/panel/../core/core.h:
