build-chk/src/events/mpi.o: src/events/mpi.c src/events/events.h \
 src/events/../core/core.h include/entente.h \
 /usr/lib/x86_64-linux-gnu/openmpi/include/mpi.h \
 /usr/lib/x86_64-linux-gnu/openmpi/include/mpi_portable_platform.h
src/events/events.h:
src/events/../core/core.h:
include/entente.h:
/usr/lib/x86_64-linux-gnu/openmpi/include/mpi.h:
/usr/lib/x86_64-linux-gnu/openmpi/include/mpi_portable_platform.h:
