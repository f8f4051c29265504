build-chk/cli/cmd_meetings.o: cli/cmd_meetings.c cli/cli.h \
 include/entente.h src/core/core.h src/report/report.h \
 src/report/../core/core.h src/meetings/query.h src/meetings/meetings.h \
 src/meetings/../core/core.h src/store/store.h src/store/../core/core.h \
 src/store/../core/reader.h src/store/../core/core.h
cli/cli.h:
include/entente.h:
src/core/core.h:
src/report/report.h:
src/report/../core/core.h:
src/meetings/query.h:
src/meetings/meetings.h:
src/meetings/../core/core.h:
src/store/store.h:
src/store/../core/core.h:
src/store/../core/reader.h:
src/store/../core/core.h:
