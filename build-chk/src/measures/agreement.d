build-chk/src/measures/agreement.o: src/measures/agreement.c \
 src/measures/agreement.h
src/measures/agreement.h:
