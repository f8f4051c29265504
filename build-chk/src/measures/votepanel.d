build-chk/src/measures/votepanel.o: src/measures/votepanel.c \
 src/measures/votepanel.h src/core/core.h include/entente.h \
 src/measures/agreement.h
src/measures/votepanel.h:
src/core/core.h:
include/entente.h:
src/measures/agreement.h:
