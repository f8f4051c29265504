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

/* The years the dyad-year panel spans (dyad, panel). */
#define ENT_PANEL_FIRST 1816
#define ENT_PANEL_LAST 2024

/* ent_dyad lists every panel indicator of the dyad a-b (states by any name
 * the registry knows), long: one row per year and indicator, grouped by
 * dimension as `entente dyad` prints them.  Columns: a, b, year, dimension,
 * indicator, value (REAL; missing NAN, never 0), text (the value of a text
 * indicator such as meet_coverage, else missing), source.  Directed
 * indicators read from a's side.  year > 0 is one year; from..to a range
 * (0 for an open end); all 0: the latest year in which the dyad has at
 * least half the indicators of its best year (note "year").  Notes:
 * "year", "coverage" naming the sources that ended by the last year, and
 * "info" on what an empty value means.  A table (ent_result_write) shows
 * the value as `entente dyad` does: text indicators in the value column
 * (the text column is left out), integers bare, four decimals; CSV and
 * JSON every digit.
 * ENT_EINVAL when a and b are the same state or not both system members in
 * the one year asked; ENT_ENOTFOUND when the range has no panel row. */
ent_status ent_dyad(ent_db *db, const char *a, const char *b, int year, int from, int to,
                    ent_result **out);

/* ent_agree gives the UN General Assembly vote agreement of a and b per
 * year from..to (0: the first / last year the votes cover), as `entente
 * agree A B`: columns a, b, year, n (roll calls both voted in), agree, s,
 * pi, kappa (quadratic weights; NAN when missing) and partial (1 for a
 * year whose session was still open when the data end).  With from = to =
 * 0 only the years in which a-b is a dyad are listed.  Notes: "coverage"
 * where the votes begin or end inside the range or a year is partial,
 * "info" on the weights. */
ent_status ent_agree(ent_db *db, const char *a, const char *b, int from, int to,
                     ent_result **out);

/* ent_cite lists what to cite for each data folder the warehouse was built
 * from, as `entente sources --cite`: columns source, folder, release,
 * licence, citation.  Derived sources cite nothing.  ENT_ENODATA when the
 * warehouse has no sources table. */
ent_status ent_cite(ent_db *db, ent_result **out);

/* ent_meetings answers `entente meetings LEADER`: with partners, the heads
 * of state or government leader met, ranked by in-person episodes (columns
 * leader, partner, partner_state, episodes, bilateral, group, calls, days,
 * rank; note "ratio" of the first two); without, the leader's meeting
 * records (date, end_date, leader, partner, partner_state, partner_role,
 * place, format, source, source_row).  from_date, to_date: "YYYY-MM-DD"
 * or NULL for no bound.  A range past a source's last record in which the
 * leader appears is a "coverage" note.  ENT_ENOTFOUND when no record names
 * the leader; ENT_EINVAL for a bad date. */
ent_status ent_meetings(ent_db *db, const char *leader, const char *from_date,
                        const char *to_date, int partners, ent_result **out);

/* ent_panel gives the dyad-year panel, wide, as `entente panel`: columns
 * ccode1, ccode2, abb1, abb2, year, then one per indicator (REAL, or TEXT
 * for a text indicator; missing outside the source's coverage, never 0)
 * in the order of indicators (a comma list of codebook names) or, NULL,
 * every indicator in codebook order.  Years from..to (0: the panel's first
 * / last year).  Non-directed: one row per stored pair (ccode1 < ccode2);
 * directed: each pair twice, the directed columns read from ccode1's side.
 * ENT_ENOTFOUND for an unknown indicator. */
ent_status ent_panel(ent_db *db, int from, int to, const char *indicators, int directed,
                     ent_result **out);

/* ---- the warehouse's contents, states and meetings per year (cliA) ---- */

/* ent_states resolves names[0 .. n) (any name the registry knows; year > 0
 * resolves names that denote different states at different dates), as
 * `entente states NAME...`: columns input, ccode, abb, name, member ("yes"
 * / "no" in year; missing when year is 0), one row per name in order.
 * With n = 0, the COW system members of year (every state ever when year is
 * 0), ascending by code, input being the abbreviation.  Every name resolves
 * or nothing is returned: ENT_ENOTFOUND / ENT_EAMBIG with the message of
 * ent_state_resolve. */
ent_status ent_states(ent_db *db, const char *const *names, size_t n, int year,
                      ent_result **out);

/* ent_known_sources lists the sources this build of entente knows how to
 * load, one row per source in build order, as `entente build --list`; it
 * needs no warehouse.  Columns: source, kind ("data": read from files;
 * "derived": computed from other sources in the warehouse), folders (the
 * data folders read, ";"-separated; missing for a derived source), files
 * (the files read relative to the data folder, ";"-separated), from and to
 * (INT, the years the codebook states; missing when it states none) and
 * coverage ("full" or "partial: why").  The caller frees the result with
 * ent_result_free; ENT_ENOMEM is the only failure. */
ent_status ent_known_sources(ent_ctx *ctx, ent_result **out);

/* ent_loaded_sources lists what the warehouse holds, one row per loaded source in
 * build order, as `entente sources`: columns source, read, loaded,
 * rejected (rows; read = loaded + rejected), years (found in the data,
 * "lo-hi"), stated (the codebook's coverage), coverage ("full" or
 * "partial: why"), seconds (REAL, load time), upstream (the repositories
 * and commits of the files read, from data/manifest.tsv; "?" when the
 * digests cannot be matched) and, when rejects is 1, rejects (each reason
 * with its count and first file:line).  ENT_ENODATA when the file has no
 * sources table. */
ent_status ent_loaded_sources(ent_db *db, int rejects, ent_result **out);

/* ent_meetings_by_year gives the leader-level meetings of states a and b
 * per year from..to (0: the first / last year the meeting records cover
 * the dyad), as `entente meetings A B --by year`: columns state_a,
 * state_b, year, meet_episodes, meet_days, meet_calls (INT; missing, never
 * 0, where no source covers the dyad-year), meet_coverage (the sources that
 * cover it).  Note "coverage" when the range runs outside the years the
 * records cover the dyad; "info" on the counts.  ENT_EINVAL when a = b or
 * from > to; ENT_ENODATA when no record covers the dyad and no range is
 * given; ENT_ENOTFOUND / ENT_EAMBIG for a name. */
ent_status ent_meetings_by_year(ent_db *db, const char *a, const char *b, int from, int to,
                                ent_result **out);

/* ent_codebook_markdown writes the codebook to fp as the markdown tables of
 * docs/measures.md ("Panel indicators"): one "### Dimension" section per
 * dimension, columns indicator, unit, directed, source, coverage (with its
 * note), no row, definition.  ENT_EIO when the write fails.  Needs no
 * warehouse. */
ent_status ent_codebook_markdown(ent_ctx *ctx, FILE *fp);
/* ent_panel_write writes the rows ent_panel would return to path (NULL or
 * "-": stdout) as format "csv" (NULL) or "json", streaming: the panel of all
 * years is millions of rows, too many to hold as a result.  CSV: header
 * ccode1,ccode2,abb1,abb2,year,INDICATORS; missing is an empty cell, whole
 * numbers are bare, others the shortest text that reads back as the stored
 * double.  JSON: an array of objects, missing null.  A file is replaced
 * atomically, and on failure left as it was.  ENT_EINVAL for another format
 * or from > to, ENT_ENOTFOUND for an unknown indicator, ENT_EIO naming path
 * when it cannot be written. */
ent_status ent_panel_write(ent_db *db, int from, int to, const char *indicators, int directed,
                           const char *format, const char *path);

#ifdef __cplusplus
}
#endif
#endif
