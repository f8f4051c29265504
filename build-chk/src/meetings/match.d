build-chk/src/meetings/match.o: src/meetings/match.c src/meetings/match.h \
 src/meetings/meetings.h src/meetings/../core/core.h include/entente.h
src/meetings/match.h:
src/meetings/meetings.h:
src/meetings/../core/core.h:
include/entente.h:
