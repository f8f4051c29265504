build-chk/src/report/report.o: src/report/report.c src/report/report.h \
 src/report/../core/core.h include/entente.h src/report/../core/atomic.h \
 src/report/../core/core.h
src/report/report.h:
src/report/../core/core.h:
include/entente.h:
src/report/../core/atomic.h:
src/report/../core/core.h:
