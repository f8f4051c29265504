/*
 * citations.h -- what to cite for each data folder the build reads (one
 * table, citations.c).  Entries are static: nothing to free.
 */
#ifndef ENT_CITATIONS_H
#define ENT_CITATIONS_H

#include <stddef.h>

typedef struct ent_citation {
    const char *folder;    /* under the data dir: "cow_trade" */
    const char *publisher; /* who made the data, and through whom it came */
    const char *release;   /* release and span */
    const char *licence;
    const char *citation;  /* as the folder's SOURCE.txt gives it */
} ent_citation;

/* ent_citation_at returns entry i of the table, or NULL past its end. */
const ent_citation *ent_citation_at(size_t i);
/* ent_citation_folder returns the entry of a data folder, or NULL. */
const ent_citation *ent_citation_folder(const char *folder);
/* ent_citation_source writes into out (at most cap) the entries of the
 * folders a warehouse source (its name in table sources) reads; 0 for a
 * derived source or one the table lacks. */
size_t ent_citation_source(const char *source, const ent_citation **out, size_t cap);

#endif
