/*
 * events_mpi.h -- the events front end's MPI driver (Open MPI).  It is part of
 * the `entente` tool, not of libentente: the library's link line has no MPI.
 * Built without Open MPI (no ompi-c pkg-config), ent_ev_mpi_active() is 0
 * and the rest is never called.  It uses the public API only
 * (entente/events.h: in-memory partials).
 */
#ifndef ENT_CLI_EVENTS_MPI_H
#define ENT_CLI_EVENTS_MPI_H

#include "entente/events.h"

/* ent_ev_mpi_active is 1 when the process was started by mpirun. */
int ent_ev_mpi_active(void);
/* ent_ev_mpi_init / _finalize wrap MPI_Init / MPI_Finalize and give the
 * rank and the number of ranks; init returns NULL, or what failed. */
const char *ent_ev_mpi_init(int *argc, char ***argv, int *rank, int *nranks);
void ent_ev_mpi_finalize(void);
/* ent_ev_mpi_reduce gathers every rank's aggregate on rank 0 and merges
 * them there (in rank order); other ranks' ev is left unchanged. */
ent_status ent_ev_mpi_reduce(ent_ctx *ctx, ent_events *ev);
/* ent_ev_mpi_status agrees on a status across ranks (the worst wins) so that
 * every rank exits the same way. */
int ent_ev_mpi_any(int flag);

#endif
