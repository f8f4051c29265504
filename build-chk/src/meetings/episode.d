build-chk/src/meetings/episode.o: src/meetings/episode.c \
 src/meetings/meetings.h src/meetings/../core/core.h include/entente.h
src/meetings/meetings.h:
src/meetings/../core/core.h:
include/entente.h:
