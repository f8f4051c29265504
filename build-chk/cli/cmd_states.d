build-chk/cli/cmd_states.o: cli/cmd_states.c cli/cli.h include/entente.h \
 src/core/core.h src/report/report.h src/report/../core/core.h
cli/cli.h:
include/entente.h:
src/core/core.h:
src/report/report.h:
src/report/../core/core.h:
