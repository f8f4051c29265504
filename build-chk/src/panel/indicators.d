build-chk/src/panel/indicators.o: src/panel/indicators.c \
 src/panel/panel.h include/entente.h
src/panel/panel.h:
include/entente.h:
