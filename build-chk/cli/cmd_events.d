build-chk/cli/cmd_events.o: cli/cmd_events.c cli/cli.h include/entente.h \
 src/core/core.h src/report/report.h src/report/../core/core.h \
 src/core/atomic.h src/core/core.h src/events/events.h \
 src/events/../core/core.h
cli/cli.h:
include/entente.h:
src/core/core.h:
src/report/report.h:
src/report/../core/core.h:
src/core/atomic.h:
src/core/core.h:
src/events/events.h:
src/events/../core/core.h:
