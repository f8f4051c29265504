build-chk/cli/cmd_codebook.o: cli/cmd_codebook.c cli/cli.h \
 include/entente.h src/core/core.h src/report/report.h \
 src/report/../core/core.h src/panel/panel.h
cli/cli.h:
include/entente.h:
src/core/core.h:
src/report/report.h:
src/report/../core/core.h:
src/panel/panel.h:
