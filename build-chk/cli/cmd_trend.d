build-chk/cli/cmd_trend.o: cli/cmd_trend.c cli/ix_common.h cli/cli.h \
 include/entente.h src/core/core.h src/report/report.h \
 src/report/../core/core.h src/index/index.h src/index/../core/core.h
cli/ix_common.h:
cli/cli.h:
include/entente.h:
src/core/core.h:
src/report/report.h:
src/report/../core/core.h:
src/index/index.h:
src/index/../core/core.h:
