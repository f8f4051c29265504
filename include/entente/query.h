/*
 * entente/query.h -- queries that need no scoring: the codebook, and (as
 * they are added) the sources, one dyad, the panel, vote agreement and
 * leader meetings.  Each returns an ent_result (entente/result.h).
 *
 * Ownership: the caller owns the result it receives (*out) and frees it with
 * ent_result_free; on failure *out is NULL and the message is on ctx.
 */
#ifndef ENTENTE_QUERY_H
#define ENTENTE_QUERY_H

#include "result.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ent_codebook lists every indicator of the dyad-year panel, one row each:
 * indicator, dimension, unit, directed, source, coverage (years, or the
 * source's note when partial), absent ("0" or "missing": the value inside
 * the coverage when the source has no row), definition.  dimension NULL
 * lists all; otherwise one of personal, economic, military, diplomatic,
 * context (ENT_EINVAL for another).  Needs no warehouse. */
ent_status ent_codebook(ent_ctx *ctx, const char *dimension, ent_result **out);

#ifdef __cplusplus
}
#endif
#endif
