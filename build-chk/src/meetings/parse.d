build-chk/src/meetings/parse.o: src/meetings/parse.c \
 src/meetings/meetings.h src/meetings/../core/core.h include/entente.h
src/meetings/meetings.h:
src/meetings/../core/core.h:
include/entente.h:
