build-chk/src/index/group.o: src/index/group.c src/index/index.h \
 src/index/../core/core.h include/entente.h
src/index/index.h:
src/index/../core/core.h:
include/entente.h:
