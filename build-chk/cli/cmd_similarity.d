build-chk/cli/cmd_similarity.o: cli/cmd_similarity.c cli/cli.h \
 include/entente.h src/core/core.h src/report/report.h \
 src/report/../core/core.h src/measures/similarity.h \
 src/measures/../core/core.h
cli/cli.h:
include/entente.h:
src/core/core.h:
src/report/report.h:
src/report/../core/core.h:
src/measures/similarity.h:
src/measures/../core/core.h:
