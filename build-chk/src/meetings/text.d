build-chk/src/meetings/text.o: src/meetings/text.c \
 src/meetings/meetings.h src/meetings/../core/core.h include/entente.h
src/meetings/meetings.h:
src/meetings/../core/core.h:
include/entente.h:
