build-chk/cli/cmd_panel.o: cli/cmd_panel.c cli/cli.h include/entente.h \
 src/core/core.h src/report/report.h src/report/../core/core.h \
 src/core/atomic.h src/core/core.h src/panel/panel.h
cli/cli.h:
include/entente.h:
src/core/core.h:
src/report/report.h:
src/report/../core/core.h:
src/core/atomic.h:
src/core/core.h:
src/panel/panel.h:
