build-chk/cli/cmd_agree.o: cli/cmd_agree.c cli/cli.h include/entente.h \
 src/core/core.h src/report/report.h src/report/../core/core.h \
 src/measures/agree_db.h src/measures/../store/store.h \
 src/measures/../store/../core/core.h \
 src/measures/../store/../core/reader.h \
 src/measures/../store/../core/core.h src/measures/agreement.h
cli/cli.h:
include/entente.h:
src/core/core.h:
src/report/report.h:
src/report/../core/core.h:
src/measures/agree_db.h:
src/measures/../store/store.h:
src/measures/../store/../core/core.h:
src/measures/../store/../core/reader.h:
src/measures/../store/../core/core.h:
src/measures/agreement.h:
