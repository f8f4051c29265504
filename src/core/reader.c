/*
 * reader.c -- streaming CSV/TSV reader with zero-copy cells.
 *
 * The input (a byte source -- bytesrc.h: a plain or gzip file -- or a
 * memory block) is read in large chunks into one growable buffer.  A row is located first: rows with
 * no quote byte take the fast path (memchr for the newline, then an SSE2
 * 16-byte compare for delimiters); rows with quotes take a quote-aware scan
 * that finds the row end across embedded newlines, then a second pass that
 * unquotes in place.  Cells are NUL-terminated in the buffer, which keeps the
 * spare bytes needed for that.
 */
#include "reader.h"
#include "bytesrc.h"
#include "dynbuf.h"
#include "rd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#define CHUNK (1u << 20)   /* first buffer size, and the read size */
#define PAD 64             /* spare bytes after the data: NUL and SIMD over-read */
#define DEFAULT_MAX_ROW ((size_t)64 << 20)
#define MAX_FIELDS ((size_t)1 << 20) /* cells of one row (the cells array's cap) */

struct ent_reader {
    ent_ctx *ctx;
    char *label;
    ent_bytesrc *src;      /* file input (plain or gzip); NULL for memory */
    int gz;                /* src is a gzip stream */
    const char *mem;       /* memory input */
    size_t memlen, mempos;
    char *buf;             /* data at buf[pos..len), capacity cap + PAD */
    size_t cap, len, pos;
    size_t bufcap;         /* bytes allocated at buf: cap + PAD */
    int eof;               /* the source has no more bytes */
    char delim;
    int quotes, ragged_ok, no_header, any_bytes;
    size_t max_row;
    ent_cell *cells;
    size_t ncells, cellcap;
    char **hdr;            /* header names, owned */
    size_t nhdr;
    uint64_t line;         /* line of the next unread byte (1-based) */
    uint64_t row_line;     /* line where the current row starts */
    uint64_t rows, bytes;
    ent_status fail;       /* status of the last failed scan step */
    char *owned;           /* memory input rendered by a backend (rd.h); freed on close */
};

/* ------------------------------------------------------------ input */

static ent_status fill(ent_reader *r)
{
    size_t keep = r->len - r->pos;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, keep);
        r->len = keep;
        r->pos = 0;
    }
    if (r->len == r->cap) {
        size_t ncap = r->cap * 2;
        if (r->cap >= r->max_row)
            return ent_err(r->ctx, ENT_EPARSE, "%s:%llu: row longer than %zu bytes",
                           r->label, (unsigned long long)r->line, r->max_row);
        if (ncap > r->max_row)
            ncap = r->max_row;
        if (ent_grow(r->ctx, &r->buf, &r->bufcap, ncap + PAD, 1, r->max_row + PAD,
                     "reader: row buffer") != ENT_OK)
            return ent_err(r->ctx, ENT_ENOMEM, "%s: out of memory", r->label);
        r->cap = r->bufcap - PAD;
    }
    while (r->len < r->cap && !r->eof) {
        size_t want = r->cap - r->len;
        ssize_t n;
        if (r->src) {
            size_t got;
            ent_status rs = ent_bytesrc_read(r->src, r->buf + r->len, want, &got);
            if (rs == ENT_EIO && r->gz)
                return ent_err(r->ctx, ENT_EIO, "%s:%llu: gzip error: %s", r->label,
                               (unsigned long long)r->line, ent_bytesrc_error(r->src));
            if (rs == ENT_EIO)
                return ent_err(r->ctx, ENT_EIO, "%s: read error: %s", r->label,
                               ent_bytesrc_error(r->src));
            if (rs != ENT_OK && got == 0)
                return ent_err(r->ctx, ENT_EPARSE,
                               "%s:%llu: truncated or corrupt gzip stream (%s)", r->label,
                               (unsigned long long)r->line, ent_bytesrc_error(r->src));
            n = (ssize_t)got;
        } else {
            n = (ssize_t)(r->memlen - r->mempos < want ? r->memlen - r->mempos : want);
            memcpy(r->buf + r->len, r->mem + r->mempos, (size_t)n);
            r->mempos += (size_t)n;
        }
        if (n == 0) {
            r->eof = 1;
            break;
        }
        r->len += (size_t)n;
        if (r->src && !r->gz)
            break; /* one read per fill keeps latency low; the loop calls again */
    }
    return ENT_OK;
}

/* ------------------------------------------------------------ cells */

/* grow_cells makes room for one more cell; push_cell calls it only when the
 * array is full */
static ent_status grow_cells(ent_reader *r)
{
    if (r->ncells >= MAX_FIELDS)
        return r->fail = ENT_EPARSE,
               ent_err(r->ctx, ENT_EPARSE, "%s:%llu: more than %zu fields", r->label,
                       (unsigned long long)r->row_line, MAX_FIELDS);
    r->fail = ENT_ENOMEM;
    if (ent_grow(r->ctx, &r->cells, &r->cellcap, r->ncells + 1, sizeof *r->cells, MAX_FIELDS,
                 "reader: cells of a row") != ENT_OK)
        return ent_err(r->ctx, ENT_ENOMEM, "%s: out of memory", r->label);
    return ENT_OK;
}

static inline ent_status push_cell(ent_reader *r, char *p, size_t n)
{
    if (r->ncells == r->cellcap) {
        ent_status st = grow_cells(r);
        if (st != ENT_OK)
            return st;
    }
    r->cells[r->ncells].p = p;
    r->cells[r->ncells].n = n;
    r->ncells++;
    return ENT_OK;
}

/* The fast path: one pass over [p, e) for the delimiter, the newline and
 * (when quoting is on) the quote byte, 32 bytes at a time.  Returns 1 with
 * the row's cells pushed and *rowend at its '\n' (or e at end of input), 0
 * when the row continues past e, 2 when a quote byte was seen (the caller
 * takes the quote-aware path), -1 on error.  Loads may read up to 31 bytes
 * past e, inside the buffer's PAD; those bytes are masked off. */
static inline int end_row(ent_reader *r, char *start, char *hit, char **rowend)
{
    char *ce = hit;
    if (ce > start && ce[-1] == '\r')
        ce--;
    if (push_cell(r, start, (size_t)(ce - start)) != ENT_OK)
        return -1;
    /* the row is complete: only now terminate the cells in place (a quote
     * found earlier sends the row, untouched, to the quote-aware path) */
    for (size_t i = 0; i < r->ncells; i++)
        ((char *)r->cells[i].p)[r->cells[i].n] = '\0';
    *rowend = hit;
    return 1;
}

#if defined(__GNUC__) && defined(__x86_64__)
__attribute__((target("avx2"))) static int scan_fast_avx2(ent_reader *r, char *p, char *e,
                                                           char **rowend)
{
    const __m256i vd = _mm256_set1_epi8(r->delim);
    const __m256i vn = _mm256_set1_epi8('\n');
    const __m256i vq = _mm256_set1_epi8(r->quotes ? '"' : '\n');
    char *start = p, *q = p;
    while (q < e) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)q);
        uint32_t m = (uint32_t)_mm256_movemask_epi8(
            _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, vd), _mm256_cmpeq_epi8(v, vn)),
                            _mm256_cmpeq_epi8(v, vq)));
        if (e - q < 32)
            m &= (1u << (e - q)) - 1;
        while (m) {
            char *hit = q + __builtin_ctz(m);
            if (*hit == r->delim) {
                if (push_cell(r, start, (size_t)(hit - start)) != ENT_OK)
                    return -1;
                start = hit + 1;
            } else if (*hit == '\n') {
                return end_row(r, start, hit, rowend);
            } else {
                return 2;
            }
            m &= m - 1;
        }
        q += 32;
    }
    if (!r->eof)
        return 0;
    return end_row(r, start, e, rowend);
}
#endif

static int scan_fast_scalar(ent_reader *r, char *p, char *e, char **rowend)
{
    char *start = p;
    const char d = r->delim, qc = r->quotes ? '"' : '\n';
    for (char *q = p; q < e; q++) {
        if (*q == d) {
            if (push_cell(r, start, (size_t)(q - start)) != ENT_OK)
                return -1;
            start = q + 1;
        } else if (*q == '\n') {
            return end_row(r, start, q, rowend);
        } else if (*q == qc) {
            return 2;
        }
    }
    if (!r->eof)
        return 0;
    return end_row(r, start, e, rowend);
}

static int scan_fast(ent_reader *r, char *p, char *e, char **rowend)
{
#if defined(__GNUC__) && defined(__x86_64__)
    static int have_avx2 = -1;
    if (have_avx2 < 0)
        have_avx2 = __builtin_cpu_supports("avx2");
    if (have_avx2)
        return scan_fast_avx2(r, p, e, rowend);
#endif
    return scan_fast_scalar(r, p, e, rowend);
}

/* scan_quoted walks a row that contains quotes, starting at p, bounded by
 * e.  With write=0 it only finds the row's end: returns 1 and sets *rowend
 * (the '\n' or e at EOF) and *nlines (embedded newlines), 0 when more input
 * is needed, -1 on a syntax error (message set).  With write=1 (the row is
 * known complete) it unquotes in place and pushes the cells. */
static int scan_quoted(ent_reader *r, char *p, char *e, int write, char **rowend, uint64_t *nlines)
{
    char *s = p;        /* read cursor */
    char *w = p;        /* write cursor (write mode) */
    char *cell = p;     /* start of current cell's output */
    uint64_t nl = 0;
    size_t col = 0;
    const char d = r->delim;
    const int more = write ? 0 : !r->eof; /* can input continue past e? */

    for (;;) {
        if (s < e && *s == '"') {
            /* quoted field */
            s++;
            for (;;) {
                if (s >= e) {
                    if (more)
                        return 0;
                    ent_err(r->ctx, ENT_EPARSE, "%s:%llu: column %zu: unclosed quote",
                            r->label, (unsigned long long)r->row_line, col + 1);
                    return -1;
                }
                if (*s == '"') {
                    if (s + 1 < e && s[1] == '"') {
                        if (write)
                            *w++ = '"';
                        s += 2;
                        continue;
                    }
                    if (s + 1 >= e && more)
                        return 0;
                    s++;
                    break;
                }
                if (*s == '\n')
                    nl++;
                if (write)
                    *w++ = *s;
                s++;
            }
            if (s < e && *s == '\r' && s + 1 >= e && more)
                return 0;
            if (s < e && *s == '\r' && (s + 1 >= e || s[1] == '\n'))
                s++;
            if (s >= e && more)
                return 0;
            if (s < e && *s != d && *s != '\n') {
                ent_err(r->ctx, ENT_EPARSE,
                        "%s:%llu: column %zu: unexpected '%c' after closing quote", r->label,
                        (unsigned long long)(r->row_line + nl), col + 1, *s);
                return -1;
            }
        } else {
            /* unquoted field: a quote inside is an ordinary byte */
            while (s < e && *s != d && *s != '\n') {
                if (write)
                    *w++ = *s;
                s++;
            }
            if (s >= e && more)
                return 0;
            if (write && w > cell && w[-1] == '\r' && (s >= e || *s == '\n'))
                w--;
        }
        /* s is at a delimiter, a newline or the end of input; read it before
         * push_cell writes the cell's NUL, which may land on it */
        int at_delim = s < e && *s == d;
        if (write) {
            if (push_cell(r, cell, (size_t)(w - cell)) != ENT_OK)
                return -1;
            *w = '\0';
        }
        col++;
        if (at_delim) {
            s++;
            if (write) {
                w = s;
                cell = s;
            }
            continue;
        }
        *rowend = s;
        *nlines = nl;
        return 1;
    }
}

/* next_row finds and splits the next non-blank row. */
static ent_status next_row(ent_reader *r)
{
    ent_status st;
    for (;;) {
        char *p = r->buf + r->pos, *e = r->buf + r->len, *rowend = NULL;
        uint64_t extra = 0;
        int k;

        if (r->pos >= r->len) {
            if (r->eof)
                return ENT_DONE;
            if ((st = fill(r)) != ENT_OK)
                return st;
            continue;
        }
        r->row_line = r->line;
        r->ncells = 0;
        r->fail = ENT_EPARSE;
        k = scan_fast(r, p, e, &rowend);
        if (k == 2) {
            r->ncells = 0;
            k = scan_quoted(r, p, e, 0, &rowend, &extra);
            if (k == 1 && scan_quoted(r, p, rowend, 1, &rowend, &extra) < 0)
                k = -1;
        }
        if (k < 0)
            return r->fail;
        if (k == 0) {
            if ((st = fill(r)) != ENT_OK)
                return st;
            continue;
        }
        {
            size_t used = (size_t)(rowend - p) + (rowend < e ? 1 : 0);
            r->pos += used;
            r->bytes += used;
            r->line += 1 + extra;
        }
        if (r->ncells == 1 && r->cells[0].n == 0 && extra == 0 && rowend - p <= 1)
            continue; /* a blank line */
        return ENT_OK;
    }
}

/* ------------------------------------------------------------ open/close */

/* setup makes a reader; small (nonzero for memory input: its length + 1)
 * sizes a small input's buffer to the input */
static ent_status setup(ent_ctx *ctx, const char *label, const ent_reader_opts *o, size_t small,
                        ent_reader **out)
{
    ent_reader *r = ent_calloc(ctx, 1, sizeof *r);
    const char *dot;
    if (!r)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    r->ctx = ctx;
    r->label = ent_strdup(ctx, o && o->label ? o->label : label);
    r->cap = CHUNK;
    r->max_row = o && o->max_row ? o->max_row : DEFAULT_MAX_ROW;
    if (r->max_row < r->cap)
        r->cap = r->max_row;
    if (small && small < r->cap) /* small inputs get a small buffer */
        r->cap = small < 4096 ? 4096 : small;
    r->bufcap = r->cap + PAD;
    r->buf = ent_malloc(ctx, r->bufcap);
    r->quotes = !(o && o->no_quotes);
    r->ragged_ok = o && o->ragged_ok;
    r->any_bytes = o && o->any_bytes;
    r->no_header = o && o->no_header;
    r->line = 1;
    r->delim = o && o->delim ? o->delim : ',';
    if (!(o && o->delim)) {
        dot = strrchr(label, '.');
        if (dot && !strcmp(dot, ".gz")) {
            const char *q = dot;
            while (q > label && q[-1] != '.')
                q--;
            dot = q > label ? q - 1 : NULL;
        }
        if (dot && (!strncmp(dot, ".tsv", 4) || !strncmp(dot, ".tab", 4) || !strncmp(dot, ".txt", 4)))
            r->delim = '\t';
    }
    if (!r->label || !r->buf) {
        ent_reader_close(r);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    *out = r;
    return ENT_OK;
}

static ent_status read_header(ent_reader *r)
{
    ent_status st;
    /* strip a UTF-8 byte-order mark */
    if ((st = fill(r)) != ENT_OK)
        return st;
    if (r->len >= 3 && !memcmp(r->buf, "\xEF\xBB\xBF", 3))
        r->pos = 3;
    if (r->no_header) {
        if (r->len - r->pos == 0 && r->eof)
            return ent_err(r->ctx, ENT_EPARSE, "%s:1: empty file", r->label);
        return ENT_OK; /* the field count is set by the first row */
    }
    st = next_row(r);
    if (st == ENT_DONE)
        return ent_err(r->ctx, ENT_EPARSE, "%s:1: empty file", r->label);
    if (st != ENT_OK)
        return st;
    r->hdr = ent_calloc(r->ctx, r->ncells, sizeof *r->hdr);
    if (!r->hdr)
        return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
    r->nhdr = r->ncells;
    for (size_t i = 0; i < r->ncells; i++) {
        if (!(r->hdr[i] = ent_strdup(r->ctx, r->cells[i].p)))
            return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
    }
    return ENT_OK;
}

ent_status ent_reader_open(ent_ctx *ctx, const char *path, const ent_reader_opts *opts,
                           ent_reader **out)
{
    ent_reader *r = NULL;
    const char *base = strrchr(path, '/');
    ent_status st;
    ent_rd_kind kind = ent_rd_kind_of(path);
    if (kind != ENT_RD_NONE) { /* a publisher's format: its backend renders the table */
        char *text;
        size_t len;
        if ((st = ent_rd_render(ctx, path, kind, opts && opts->delim ? opts->delim : ',', &text,
                                &len)) != ENT_OK)
            return st;
        if ((st = ent_reader_open_mem(ctx, base ? base + 1 : path, text, len, opts, out)) != ENT_OK)
            ent_free(ctx, text);
        else
            (*out)->owned = text;
        return st;
    }
    st = setup(ctx, base ? base + 1 : path, opts, 0, &r);
    if (st != ENT_OK)
        return st;
    char why[512];
    st = ent_bytesrc_open(ctx, path, 0, &r->src, why, sizeof why);
    if (st != ENT_OK) {
        st = ent_err(ctx, st, "%s", why);
        goto fail;
    }
    r->gz = ent_bytesrc_kind(r->src) == ENT_BS_GZ;
    if ((st = read_header(r)) != ENT_OK)
        goto fail;
    *out = r;
    return ENT_OK;
fail:
    ent_reader_close(r);
    return st;
}

ent_status ent_reader_open_mem(ent_ctx *ctx, const char *label, const char *data, size_t len,
                               const ent_reader_opts *opts, ent_reader **out)
{
    ent_reader *r = NULL;
    ent_status st = setup(ctx, label, opts, len + 1, &r);
    if (st != ENT_OK)
        return st;
    r->mem = data ? data : "";
    r->memlen = len;
    if ((st = read_header(r)) != ENT_OK) {
        ent_reader_close(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}

void ent_reader_close(ent_reader *r)
{
    if (!r)
        return;
    ent_bytesrc_close(r->src);
    for (size_t i = 0; r->hdr && i < r->nhdr; i++)
        ent_free(r->ctx, r->hdr[i]);
    ent_free(r->ctx, r->hdr);
    ent_free(r->ctx, r->cells);
    ent_free(r->ctx, r->buf);
    ent_free(r->ctx, r->label);
    ent_free(r->ctx, r->owned);
    ent_free(r->ctx, r);
}

ent_status ent_reader_next(ent_reader *r, ent_cell **cells, size_t *ncells)
{
    ent_status st = next_row(r);
    if (st != ENT_OK)
        return st;
    if (r->no_header && r->rows == 0)
        r->nhdr = r->ncells;
    if (!r->ragged_ok && r->nhdr && r->ncells != r->nhdr)
        return ent_err(r->ctx, ENT_EPARSE, "%s:%llu: expected %zu fields, found %zu", r->label,
                       (unsigned long long)r->row_line, r->nhdr, r->ncells);
    if (!r->any_bytes) /* text is UTF-8: a NUL or a stray byte is named as such */
        for (size_t i = 0; i < r->ncells; i++)
            if (!ent_utf8_valid(r->cells[i].p, r->cells[i].n))
                return ent_reader_fail(r, ENT_EPARSE, (int)i, "%s",
                                       memchr(r->cells[i].p, 0, r->cells[i].n)
                                           ? "a NUL byte (the file is binary or damaged)"
                                           : "invalid UTF-8 (the file must be UTF-8 text)");
    r->rows++;
    *cells = r->cells;
    *ncells = r->ncells;
    return ENT_OK;
}

/* ------------------------------------------------------------ columns */

int ent_reader_col(const ent_reader *r, const char *name)
{
    for (size_t i = 0; r->hdr && i < r->nhdr; i++)
        if (!strcmp(r->hdr[i], name))
            return (int)i;
    for (size_t i = 0; r->hdr && i < r->nhdr; i++)
        if (!strcasecmp(r->hdr[i], name))
            return (int)i;
    return -1;
}

ent_status ent_reader_cols(ent_reader *r, const char *const *names, int *idx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        idx[i] = ent_reader_col(r, names[i]);
        if (idx[i] < 0)
            return ent_err(r->ctx, ENT_EPARSE, "%s:1: missing column '%s'", r->label, names[i]);
    }
    return ENT_OK;
}

size_t ent_reader_ncols(const ent_reader *r) { return r->nhdr; }
const char *ent_reader_colname(const ent_reader *r, size_t i)
{
    return r->hdr && i < r->nhdr ? r->hdr[i] : "";
}
uint64_t ent_reader_line(const ent_reader *r) { return r->row_line; }
uint64_t ent_reader_rows(const ent_reader *r) { return r->rows; }
uint64_t ent_reader_bytes(const ent_reader *r) { return r->bytes; }
const char *ent_reader_label(const ent_reader *r) { return r->label; }
ent_ctx *ent_reader_ctx(const ent_reader *r) { return r->ctx; }

ent_status ent_reader_fail(ent_reader *r, ent_status st, int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (col < 0)
        return ent_err(r->ctx, st, "%s:%llu: %s", r->label, (unsigned long long)r->row_line, msg);
    return ent_err(r->ctx, st, "%s:%llu: column %d (%s): %s", r->label,
                   (unsigned long long)r->row_line, col + 1, ent_reader_colname(r, (size_t)col),
                   msg);
}

/* ------------------------------------------------------------ values */

int ent_cell_is_na(ent_cell c)
{
    const char *p = c.p;
    size_t n = c.n;
    if (n && *p != ' ' && *p != '\t' && *p != 'N' && *p != 'n' && *p != '.')
        return 0; /* the common case: a number or a word */
    while (n && (*p == ' ' || *p == '\t')) {
        p++;
        n--;
    }
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
    return n == 0 || (n == 2 && !strncmp(p, "NA", 2)) || (n == 3 && !strncmp(p, "N/A", 3)) ||
           (n == 3 && !strncasecmp(p, "NaN", 3)) || (n == 1 && *p == '.');
}

/* Fast paths for the plain forms that make up nearly every cell: an optional
 * '-' and at most 18 digits (an integer), with at most one '.' and 15 digits
 * (a real).  They give exactly what strtoll / strtod give (a real m / 10^k
 * with m < 2^53 and k <= 22 is one correctly rounded division of two exact
 * doubles, as strtod rounds); any other form returns 0 and takes the
 * library's path. */
static int plain_i64(ent_cell c, int64_t *v)
{
    const char *p = c.p, *e = c.p + c.n;
    int neg = p < e && *p == '-';
    int64_t x = 0;
    p += neg;
    if (p == e || e - p > 18)
        return 0;
    for (; p < e; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        x = x * 10 + (*p - '0');
    }
    *v = neg ? -x : x;
    return 1;
}

static int plain_f64(ent_cell c, double *v)
{
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char *p = c.p, *e = c.p + c.n;
    int neg = p < e && *p == '-', ndig = 0, nfrac = -1;
    uint64_t m = 0;
    double x;
    for (p += neg; p < e; p++) {
        if (*p >= '0' && *p <= '9') {
            m = m * 10 + (uint64_t)(*p - '0');
            ndig++;
            if (nfrac >= 0)
                nfrac++;
        } else if (*p == '.' && nfrac < 0) {
            nfrac = 0;
        } else {
            return 0;
        }
    }
    if (ndig == 0 || ndig > 15) /* 10^15 < 2^53: m is exact */
        return 0;
    x = nfrac > 0 ? (double)m / pow10[nfrac] : (double)m;
    *v = neg ? -x : x;
    return 1;
}

int ent_cell_i64(ent_cell c, int64_t *v)
{
    char *end;
    long long x;
    if (plain_i64(c, v))
        return 1;
    if (ent_cell_is_na(c))
        return 0;
    errno = 0;
    x = strtoll(c.p, &end, 10);
    if (end == c.p || errno)
        return -1;
    if (*end == '.') { /* accept "12.0" written by R/Stata for integers */
        char *e2;
        double dv = strtod(c.p, &e2);
        if (dv != (double)x)
            return -1;
        end = e2;
    }
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end)
        return -1;
    *v = x;
    return 1;
}

int ent_cell_int(ent_cell c, int *v)
{
    int64_t x;
    int k = ent_cell_i64(c, &x);
    if (k <= 0)
        return k;
    if (x < -2147483647LL || x > 2147483647LL)
        return -1;
    *v = (int)x;
    return 1;
}

int ent_cell_f64(ent_cell c, double *v)
{
    char *end;
    double x;
    if (plain_f64(c, v))
        return 1;
    if (ent_cell_is_na(c))
        return 0;
    x = strtod(c.p, &end);
    if (end == c.p)
        return -1;
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end)
        return -1;
    *v = x;
    return 1;
}

int ent_cell_date(ent_cell c, int *y, int *m, int *d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int yy, mm, dd;
    const char *p = c.p;
    if (ent_cell_is_na(c))
        return 0;
    if (c.n == 10 && p[4] == '-' && p[7] == '-') {
        if (sscanf(p, "%4d-%2d-%2d", &yy, &mm, &dd) != 3)
            return -1;
    } else if (c.n == 8) {
        for (int i = 0; i < 8; i++)
            if (p[i] < '0' || p[i] > '9')
                return -1;
        yy = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
        mm = (p[4] - '0') * 10 + (p[5] - '0');
        dd = (p[6] - '0') * 10 + (p[7] - '0');
    } else {
        return -1;
    }
    if (mm < 1 || mm > 12 || dd < 1 || dd > mdays[mm - 1])
        return -1;
    if (mm == 2 && dd == 29 && !((yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0))
        return -1;
    *y = yy;
    *m = mm;
    *d = dd;
    return 1;
}
