/*
 * events_mpi.c -- scale-out under Open MPI: every rank plans the same work units
 * (files, and byte ranges within large plain files), takes every N-th, and
 * sends its partial aggregate to rank 0, which merges them in rank order.
 * Sums are exact integers, so the result equals the single-process run.
 */
#include "events_mpi.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef ENT_NO_MPI
int ent_ev_mpi_active(void) { return 0; }
const char *ent_ev_mpi_init(int *argc, char ***argv, int *rank, int *nranks)
{
    (void)argc, (void)argv;
    *rank = 0, *nranks = 1;
    return "this entente was built without Open MPI";
}
void ent_ev_mpi_finalize(void) {}
ent_status ent_ev_mpi_reduce(ent_ctx *ctx, ent_events *ev)
{
    (void)ctx, (void)ev;
    return ENT_OK;
}
int ent_ev_mpi_any(int flag) { return flag; }
#else
#include <mpi.h>

int ent_ev_mpi_active(void)
{
    const char *e = getenv("OMPI_COMM_WORLD_SIZE");
    if (!e)
        e = getenv("PMIX_RANK");
    if (!e)
        e = getenv("PMI_SIZE");
    return e != NULL;
}

const char *ent_ev_mpi_init(int *argc, char ***argv, int *rank, int *nranks)
{
    int inited = 0;
    MPI_Initialized(&inited);
    if (!inited && MPI_Init(argc, argv) != MPI_SUCCESS)
        return "MPI_Init failed";
    MPI_Comm_rank(MPI_COMM_WORLD, rank);
    MPI_Comm_size(MPI_COMM_WORLD, nranks);
    return NULL;
}

void ent_ev_mpi_finalize(void)
{
    int inited = 0, fin = 0;
    MPI_Initialized(&inited);
    MPI_Finalized(&fin);
    if (inited && !fin)
        MPI_Finalize();
}

int ent_ev_mpi_any(int flag)
{
    int in = flag ? 1 : 0, outv = 0;
    MPI_Allreduce(&in, &outv, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return outv;
}

ent_status ent_ev_mpi_reduce(ent_ctx *ctx, ent_events *ev)
{
    int rank, n;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &n);
    char *buf = NULL;
    size_t len = 0;
    ent_status st = ENT_OK;
    int *lens = NULL, *displs = NULL;
    char *all = NULL;
    if (rank != 0) {
        st = ent_events_partial_buf(ctx, ev, &buf, &len);
        if (st != ENT_OK || len > (size_t)INT32_MAX) {
            free(buf);
            buf = NULL;
            len = 0; /* rank 0 sees an empty partial and fails */
        }
    }
    int mylen = (int)len;
    if (rank == 0) {
        lens = calloc((size_t)n, sizeof *lens);
        displs = calloc((size_t)n, sizeof *displs);
        if (!lens || !displs)
            MPI_Abort(MPI_COMM_WORLD, 1);
    }
    MPI_Gather(&mylen, 1, MPI_INT, lens, 1, MPI_INT, 0, MPI_COMM_WORLD);
    size_t total = 0;
    if (rank == 0) {
        for (int i = 0; i < n; i++) {
            displs[i] = (int)total;
            total += (size_t)lens[i];
        }
        if (total > (size_t)INT32_MAX)
            MPI_Abort(MPI_COMM_WORLD, 1);
        all = malloc(total ? total : 1);
        if (!all)
            MPI_Abort(MPI_COMM_WORLD, 1);
    }
    MPI_Gatherv(buf, mylen, MPI_CHAR, all, lens, displs, MPI_CHAR, 0, MPI_COMM_WORLD);
    free(buf);
    if (rank == 0) {
        for (int i = 1; i < n && st == ENT_OK; i++) {
            char label[32];
            snprintf(label, sizeof label, "rank %d", i);
            st = ent_events_merge_buf(ctx, ev, label, all + displs[i], (size_t)lens[i]);
        }
    }
    free(all);
    free(lens);
    free(displs);
    return st;
}
#endif /* ENT_NO_MPI */
