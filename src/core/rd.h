/*
 * rd.h -- reader backends: the publishers' own file formats rendered into
 * the delimited text the core reader walks, so that a loader asks for columns
 * by name whatever format it was given.  ent_reader_open dispatches here by
 * file name; each backend lives in its own rd_<format>.c.
 *
 * A backend renders the whole table into one allocation (the caller frees it)
 * with the conventions of R's write.csv: a quoted header, strings, factors and
 * dates quoted ("" inside), numbers bare with 15 significant digits, NA empty
 * -- or, for a recipe, exactly the bytes of the prepared file it stands for.
 *
 * A path names one original file, or a set of originals read by a recipe:
 * "recipe=NAME\nPATH\nPATH..." (ent_fetch_original makes them from the
 * manifest: several originals yield one prepared table).  Recipes:
 *   xml           State Department visits/trips XML (rd_xml.c, libxml2)
 *   xlsx-dots     IMF DOTS workbooks (rd_xlsx.c, libzip + libxml2)
 *   json-schema   BigQuery schema JSON -> name,type,description (rd_json.c, json-c)
 *   rds-matrices  a list of year matrices + country_list.RData -> long CSV (rd_rds.c)
 *   rds-tsv       one R data frame -> plain TSV, tab/CR/LF runs one space (librdata)
 *   rda-listcols  a workspace's data frame with list columns (rd_rds.c)
 */
#ifndef ENT_RD_H
#define ENT_RD_H

#include "core.h"

typedef enum ent_rd_kind {
    ENT_RD_NONE = 0, /* plain CSV/TSV (or gzip of one): the core reader itself */
    ENT_RD_RDATA,    /* R .rda/.RData (a workspace) or .rds (one object) */
    ENT_RD_DTA,      /* Stata .dta (versions 104-119) through libreadstat */
    ENT_RD_SET       /* "recipe=NAME\n..." : originals rendered by a recipe */
} ent_rd_kind;

/* ent_rd_kind_of picks the backend from path's name. */
ent_rd_kind ent_rd_kind_of(const char *path);

/* ent_rd_render reads path with backend k and renders it with delimiter delim
 * (',' or '\t').  Errors name the file and what is wrong. */
ent_status ent_rd_render(ent_ctx *ctx, const char *path, ent_rd_kind k, char delim, char **out,
                         size_t *len);

/* ent_rd_rdata_mem renders an R data file already in memory (label for
 * messages); gzip, bzip2 and xz compression are undone first. */
ent_status ent_rd_rdata_mem(ent_ctx *ctx, const char *label, const unsigned char *data,
                            size_t n, char delim, char **out, size_t *len);

/* ent_rd_dta renders a Stata file (rd_dta.c: pandas to_csv conventions). */
ent_status ent_rd_dta(ent_ctx *ctx, const char *path, char delim, char **out, size_t *len);

/* ent_rd_rdata_tsv_mem renders the data frame of an R file as plain TSV
 * (the rds-tsv recipe). */
ent_status ent_rd_rdata_tsv_mem(ent_ctx *ctx, const char *label, const unsigned char *data,
                                size_t n, char **out, size_t *len);

/* ent_rd_unpack undoes gzip, bzip2 or xz (by magic bytes) into a fresh
 * allocation; *out NULL (and ENT_OK) when data is not compressed. */
ent_status ent_rd_unpack(ent_ctx *ctx, const char *label, const unsigned char *data, size_t n,
                         unsigned char **out, size_t *len);

/* Recipes over sets of originals: paths[0..n), in the manifest's order. */
ent_status ent_rd_xml(ent_ctx *ctx, const char *const *paths, size_t n, char delim, char **out,
                      size_t *len);
ent_status ent_rd_xlsx_dots(ent_ctx *ctx, const char *const *paths, size_t n, char **out,
                            size_t *len);
ent_status ent_rd_json_schema(ent_ctx *ctx, const char *const *paths, size_t n, char **out,
                              size_t *len);
ent_status ent_rd_rds_matrices(ent_ctx *ctx, const char *const *paths, size_t n, char **out,
                               size_t *len);
ent_status ent_rd_rda_frame(ent_ctx *ctx, const char *const *paths, size_t n, char **out,
                            size_t *len);
/* Memory forms for tests and fuzzing (label names the input in messages). */
ent_status ent_rd_xml_mem(ent_ctx *ctx, const char *label, const char *data, size_t n,
                          char delim, char **out, size_t *len);
ent_status ent_rd_json_mem(ent_ctx *ctx, const char *label, const char *data, size_t n,
                           char **out, size_t *len);
ent_status ent_rd_xlsx_mem(ent_ctx *ctx, const char *label, const unsigned char *data, size_t n,
                           char **out, size_t *len);
/* ent_rd_rds_mem renders a list of matrices (data) with the country list
 * (clist, an R workspace holding the data frame country_list). */
ent_status ent_rd_rds_mem(ent_ctx *ctx, const char *label, const unsigned char *data, size_t n,
                          const unsigned char *clist, size_t cn, char **out, size_t *len);

/* A growing text for the backends' output, at most ENT_RD_TEXT_MAX bytes.
 * A failure is kept: later puts do nothing and oom stays set (1 out of
 * memory, 2 over the cap). */
#define ENT_RD_TEXT_MAX ((size_t)16 << 30) /* bytes of one rendered table */
typedef struct ent_rdbuf {
    ent_ctx *ctx;
    char *p;
    size_t n, cap;
    int oom;
} ent_rdbuf;
/* ent_rdbuf_oom sets the ENT_ENOMEM message of a failed b (oom set) naming
 * label: out of memory, or over the cap; returns ENT_ENOMEM. */
ent_status ent_rdbuf_oom(const ent_rdbuf *b, const char *label);
void ent_rdbuf_put(ent_rdbuf *b, const char *s, size_t k);
/* ent_rdbuf_field writes s as Python's csv.writer does (QUOTE_MINIMAL):
 * quoted, with "" inside, when it holds delim, '"', CR or LF. */
void ent_rdbuf_field(ent_rdbuf *b, const char *s, size_t k, char delim);
/* ent_rdbuf_real writes v as R's write.csv does (15 significant digits at
 * most, fixed unless scientific is shorter); NaN writes nothing. */
void ent_rdbuf_real(ent_rdbuf *b, double v);
/* ent_rdbuf_real_r writes v with R's own choice of digits (format.c's
 * scientific(), scaling in long double): what write.csv gives in R. */
void ent_rdbuf_real_r(ent_rdbuf *b, double v);
/* ent_rdbuf_done hands the text to *out (ENT_OK) or frees it (ENT_ENOMEM
 * naming label). */
ent_status ent_rdbuf_done(ent_rdbuf *b, const char *label, char **out, size_t *len);

/* ent_rd_rda_frame_mem renders the data frame of an uncompressed workspace. */
ent_status ent_rd_rda_frame_mem(ent_ctx *ctx, const char *label, const unsigned char *data,
                                size_t n, char **out, size_t *len);

/* ent_rd_exists is 1 when path (one file, or every file of a set) is a
 * regular file. */
int ent_rd_exists(const char *path);
/* ent_rd_sha256 is the digest of path; for a set of several files, the
 * sha256 of the concatenated hex digests of its files in order (a set of one
 * file has that file's digest). */
ent_status ent_rd_sha256(ent_ctx *ctx, const char *path, char hex[65]);
/* ent_rd_shown writes path relative to datadir for messages: a set as
 * "FIRST ... LAST (N originals, recipe NAME)". */
void ent_rd_shown(const char *path, const char *datadir, char *buf, size_t n);

/* ent_rd_slurp reads a whole file into a fresh allocation. */
ent_status ent_rd_slurp(ent_ctx *ctx, const char *path, unsigned char **out, size_t *len);

#endif
