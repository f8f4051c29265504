build-chk/src/meetings/names.o: src/meetings/names.c \
 src/meetings/meetings.h src/meetings/../core/core.h include/entente.h
src/meetings/meetings.h:
src/meetings/../core/core.h:
include/entente.h:
