build-chk/src/index/index.o: src/index/index.c src/index/index.h \
 src/index/../core/core.h include/entente.h \
 build-chk/gen/default_conf.inc
src/index/index.h:
src/index/../core/core.h:
include/entente.h:
build-chk/gen/default_conf.inc:
