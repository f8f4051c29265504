/*
 * fetch.c -- `entente fetch`: download the manifest's files with libcurl's
 * multi interface (a few transfers at a time), each into DEST.part, resumed
 * with an HTTP range after a cut, retried with exponential backoff on
 * transient faults (connection errors, stalls, 5xx), checked against the
 * manifest's size and sha256, and renamed over DEST only then.
 *
 * Ownership: one xfer per file to fetch, owned by the run; its curl easy
 * handle and .part descriptor live only while it transfers.
 */
#define _POSIX_C_SOURCE 200809L
#include "fetch.h"
#include "../core/dynbuf.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FETCH_MAXFOLDERS ((size_t)1 << 20) /* folders one run creates (the manifest has about 60) */

enum { X_WAIT, X_RUN, X_DONE, X_FAILED };

typedef struct xfer {
    const ent_mf_entry *e;
    char *dest, *part, *url;
    int fd;
    int state, attempt;
    int64_t have;        /* bytes already in .part when this attempt started */
    int64_t got;         /* bytes written by this attempt */
    int first_write;     /* no byte received yet in this attempt */
    int too_big;         /* the server sent more than the manifest's size */
    int write_errno;     /* errno of a failed write to .part */
    double not_before;   /* earliest start of the next attempt */
    char errbuf[CURL_ERROR_SIZE];
    CURL *h;
} xfer;

typedef struct run {
    ent_ctx *ctx;
    const ent_fetch_opts *o;
    xfer *x;
    size_t n, running;
    int64_t total, done_bytes;
    double last_bar;
    char **made;         /* folders this run created, to remove if left empty */
    size_t nmade, capmade;
    ent_fetch_result *res;
    int first_error;
} run;

static int opt_retries(const ent_fetch_opts *o) { return o->retries < 0 ? 4 : o->retries; }
static double opt_backoff(const ent_fetch_opts *o) { return o->backoff > 0 ? o->backoff : 1.0; }

static void clear_bar(run *r)
{
    if (r->o->progress && r->o->progress_bar)
        fputs("\r\033[K", r->o->progress);
}

static void say(run *r, const char *fmt, ...) ENT_PRINTF(2, 3);
static void say(run *r, const char *fmt, ...)
{
    va_list ap;
    if (!r->o->progress)
        return;
    clear_bar(r);
    va_start(ap, fmt);
    vfprintf(r->o->progress, fmt, ap);
    va_end(ap);
    fputc('\n', r->o->progress);
    fflush(r->o->progress);
    r->last_bar = 0;
}

static void human(int64_t b, char *buf, size_t n)
{
    if (b >= 10 * 1024 * 1024)
        snprintf(buf, n, "%.1f MB", (double)b / 1e6);
    else if (b >= 10 * 1024)
        snprintf(buf, n, "%.0f kB", (double)b / 1e3);
    else
        snprintf(buf, n, "%lld B", (long long)b);
}

static void draw_bar(run *r, int force)
{
    double now = ent_now();
    int64_t cur = r->done_bytes;
    size_t nd = 0;
    char a[32], b[32];
    if (!r->o->progress || !r->o->progress_bar || (!force && now - r->last_bar < 0.2))
        return;
    r->last_bar = now;
    for (size_t i = 0; i < r->n; i++) {
        if (r->x[i].state == X_RUN)
            cur += r->x[i].have + r->x[i].got;
        else if (r->x[i].state == X_DONE || r->x[i].state == X_FAILED)
            nd++;
    }
    double f = r->total > 0 ? (double)cur / (double)r->total : 1.0;
    if (f > 1)
        f = 1;
    int w = (int)(f * 30 + 0.5);
    human(cur, a, sizeof a);
    human(r->total, b, sizeof b);
    fprintf(r->o->progress, "\r\033[K[%.*s%*s] %3.0f%%  %s of %s  %zu/%zu files", w,
            "##############################", 30 - w, "", f * 100, a, b, nd, r->n);
    fflush(r->o->progress);
}

/* mkdirs creates the folders above path, remembering the ones it made. */
static ent_status mkdirs(run *r, const char *path)
{
    char *p = ent_strdup(r->ctx, path);
    if (!p)
        return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) == 0) {
            if (ent_grow(r->ctx, &r->made, &r->capmade, r->nmade + 1, sizeof *r->made,
                         FETCH_MAXFOLDERS, "fetch: folders made") != ENT_OK) {
                ent_free(r->ctx, p);
                return ENT_ENOMEM;
            }
            if (!(r->made[r->nmade] = ent_strdup(r->ctx, p))) {
                ent_free(r->ctx, p);
                return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
            }
            r->nmade++;
        } else if (errno != EEXIST) {
            ent_status st = ent_err(r->ctx, ENT_EIO, "%s: cannot create folder: %s", p,
                                    strerror(errno));
            ent_free(r->ctx, p);
            return st;
        }
        *s = '/';
    }
    ent_free(r->ctx, p);
    return ENT_OK;
}

/* file_matches is 1 when path exists with the entry's size and sha256. */
static int file_matches(ent_ctx *ctx, const char *path, const ent_mf_entry *e, char got[65])
{
    struct stat sb;
    got[0] = '\0';
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || (int64_t)sb.st_size != e->size)
        return 0;
    if (ent_sha256_file(ctx, path, got) != ENT_OK)
        return 0;
    return strcmp(got, e->sha256) == 0;
}

static size_t on_write(char *data, size_t size, size_t nmemb, void *ud)
{
    xfer *x = ud;
    size_t n = size * nmemb, off = 0;
    if (x->first_write) {
        long code = 0;
        x->first_write = 0;
        curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
        if (x->have > 0 && code != 206) {
            /* the server ignored the range: start the file over */
            if (ftruncate(x->fd, 0) != 0 || lseek(x->fd, 0, SEEK_SET) != 0) {
                x->write_errno = errno;
                return 0;
            }
            x->have = 0;
        }
    }
    if (x->have + x->got + (int64_t)n > x->e->size) {
        x->too_big = 1;
        return 0;
    }
    while (off < n) {
        ssize_t w = write(x->fd, data + off, n - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            x->write_errno = errno;
            return 0;
        }
        off += (size_t)w;
    }
    x->got += (int64_t)n;
    return n;
}

static ent_status start(run *r, xfer *x, CURLM *multi)
{
    const ent_fetch_opts *o = r->o;
    struct stat sb;
    x->have = 0;
    x->got = 0;
    x->first_write = 1;
    x->too_big = 0;
    x->write_errno = 0;
    x->errbuf[0] = '\0';
    if ((x->fd = open(x->part, O_WRONLY | O_CREAT | O_CLOEXEC, 0666)) < 0)
        return ent_err(r->ctx, ENT_EIO, "%s: %s", x->part, strerror(errno));
    if (fstat(x->fd, &sb) == 0 && sb.st_size > 0) {
        if ((int64_t)sb.st_size < x->e->size)
            x->have = (int64_t)sb.st_size;
        else if (ftruncate(x->fd, 0) != 0)
            return ent_err(r->ctx, ENT_EIO, "%s: %s", x->part, strerror(errno));
    }
    if (lseek(x->fd, (off_t)x->have, SEEK_SET) < 0)
        return ent_err(r->ctx, ENT_EIO, "%s: %s", x->part, strerror(errno));
    if (!(x->h = curl_easy_init()))
        return ent_err(r->ctx, ENT_ENOMEM, "cannot start a transfer");
    curl_easy_setopt(x->h, CURLOPT_URL, x->url);
    curl_easy_setopt(x->h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(x->h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(x->h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(x->h, CURLOPT_MAXREDIRS, o->max_redirs > 0 ? o->max_redirs : 10L);
    curl_easy_setopt(x->h, CURLOPT_CONNECTTIMEOUT, o->connect_timeout > 0 ? o->connect_timeout : 30L);
    curl_easy_setopt(x->h, CURLOPT_LOW_SPEED_LIMIT, 1024L);
    curl_easy_setopt(x->h, CURLOPT_LOW_SPEED_TIME, o->stall_timeout > 0 ? o->stall_timeout : 60L);
    curl_easy_setopt(x->h, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(x->h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(x->h, CURLOPT_USERAGENT, "entente/" ENT_VERSION " (libcurl)");
    curl_easy_setopt(x->h, CURLOPT_ERRORBUFFER, x->errbuf);
    curl_easy_setopt(x->h, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(x->h, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(x->h, CURLOPT_PRIVATE, x);
    if (x->have > 0)
        curl_easy_setopt(x->h, CURLOPT_RESUME_FROM_LARGE, (curl_off_t)x->have);
    if (curl_multi_add_handle(multi, x->h) != CURLM_OK)
        return ent_err(r->ctx, ENT_ENOMEM, "cannot start a transfer");
    x->state = X_RUN;
    r->running++;
    return ENT_OK;
}

static void fail(run *r, xfer *x, const char *why)
{
    unlink(x->part);
    x->state = X_FAILED;
    r->res->failed++;
    say(r, "failed   %s: %s: %s", x->e->path, x->url, why);
    if (!r->first_error) {
        ent_err(r->ctx, ENT_EIO, "%s: %s: %s", x->e->path, x->url, why);
        r->first_error = 1;
    }
}

/* retry schedules another attempt, or fails when they are spent. */
static void retry(run *r, xfer *x, const char *why, int keep_part)
{
    if (x->attempt >= opt_retries(r->o)) {
        char buf[600];
        snprintf(buf, sizeof buf, "%s (gave up after %d attempts)", why, x->attempt + 1);
        fail(r, x, buf);
        return;
    }
    double wait = opt_backoff(r->o) * pow(2.0, x->attempt);
    struct stat sb;
    x->attempt++;
    if (!keep_part)
        unlink(x->part);
    int64_t at = keep_part && stat(x->part, &sb) == 0 ? (int64_t)sb.st_size : 0;
    if (at > 0)
        say(r, "retry    %s: %s; resuming at byte %lld in %.1f s (attempt %d of %d)",
            x->e->path, why, (long long)at, wait, x->attempt + 1, opt_retries(r->o) + 1);
    else
        say(r, "retry    %s: %s; again in %.1f s (attempt %d of %d)", x->e->path, why, wait,
            x->attempt + 1, opt_retries(r->o) + 1);
    x->not_before = ent_now() + wait;
    x->state = X_WAIT;
}

/* verify_part checks a complete .part and renames it into place. */
static void finish_ok(run *r, xfer *x)
{
    struct stat sb;
    char got[65], why[300], sz[32];
    if (stat(x->part, &sb) != 0) {
        fail(r, x, strerror(errno));
        return;
    }
    if ((int64_t)sb.st_size < x->e->size) {
        snprintf(why, sizeof why, "cut after %lld of %lld bytes", (long long)sb.st_size,
                 (long long)x->e->size);
        retry(r, x, why, 1);
        return;
    }
    if (ent_sha256_file(r->ctx, x->part, got) != ENT_OK) {
        fail(r, x, ent_errmsg(r->ctx));
        return;
    }
    if (strcmp(got, x->e->sha256)) {
        snprintf(why, sizeof why, "sha256 %s, expected %s", got, x->e->sha256);
        fail(r, x, why);
        return;
    }
    if (rename(x->part, x->dest) != 0) {
        snprintf(why, sizeof why, "cannot rename into place: %s", strerror(errno));
        fail(r, x, why);
        return;
    }
    /* make the rename durable */
    char *slash = strrchr(x->dest, '/');
    if (slash) {
        *slash = '\0';
        int dfd = open(x->dest, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        *slash = '/';
        if (dfd >= 0) {
            (void)fsync(dfd);
            close(dfd);
        }
    }
    x->state = X_DONE;
    r->res->fetched++;
    r->res->bytes += x->got;
    r->done_bytes += x->e->size;
    human(x->e->size, sz, sizeof sz);
    if (!r->o->progress_bar || x->attempt)
        say(r, "fetched  %s (%s%s)", x->e->path, sz, x->attempt ? ", after retries" : "");
}

static void finish(run *r, xfer *x, CURLM *multi, CURLcode rc)
{
    long code = 0;
    char why[700];
    int fsync_err = 0;
    curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
    curl_multi_remove_handle(multi, x->h);
    curl_easy_cleanup(x->h);
    x->h = NULL;
    r->running--;
    if (fsync(x->fd) != 0 && errno != EINVAL)
        fsync_err = errno;
    if (close(x->fd) != 0 && !fsync_err)
        fsync_err = errno;
    x->fd = -1;
    if (rc == CURLE_OK && fsync_err)
        rc = CURLE_WRITE_ERROR, x->write_errno = fsync_err;
    switch (rc) {
    case CURLE_OK:
        finish_ok(r, x);
        return;
    case CURLE_WRITE_ERROR:
        if (x->too_big) {
            snprintf(why, sizeof why, "the server sent more than the %lld bytes expected",
                     (long long)x->e->size);
            fail(r, x, why);
        } else {
            snprintf(why, sizeof why, "cannot write %s: %s", x->part,
                     x->write_errno ? strerror(x->write_errno) : "write error");
            fail(r, x, why);
        }
        return;
    case CURLE_HTTP_RETURNED_ERROR:
        snprintf(why, sizeof why, "HTTP %ld", code);
        if (code == 416)
            retry(r, x, "HTTP 416 (range not satisfiable): starting over", 0);
        else if (code >= 500 || code == 429 || code == 408)
            retry(r, x, why, 1);
        else
            fail(r, x, why);
        return;
    case CURLE_RANGE_ERROR:
        retry(r, x, "the server cannot resume (no byte ranges): starting over", 0);
        return;
    case CURLE_TOO_MANY_REDIRECTS:
        snprintf(why, sizeof why, "too many redirects (more than %ld)",
                 r->o->max_redirs > 0 ? r->o->max_redirs : 10L);
        fail(r, x, why);
        return;
    case CURLE_OPERATION_TIMEDOUT:
        if (x->have + x->got > 0 || code)
            snprintf(why, sizeof why, "stalled: under 1 KiB/s for %ld s after %lld bytes",
                     r->o->stall_timeout > 0 ? r->o->stall_timeout : 60L,
                     (long long)(x->have + x->got));
        else
            snprintf(why, sizeof why, "timed out: %s", x->errbuf[0] ? x->errbuf : "no answer");
        retry(r, x, why, 1);
        return;
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        if (rc == CURLE_PARTIAL_FILE || (rc != CURLE_COULDNT_CONNECT && x->have + x->got > 0))
            snprintf(why, sizeof why, "connection cut after %lld of %lld bytes",
                     (long long)(x->have + x->got), (long long)x->e->size);
        else
            snprintf(why, sizeof why, "%s", x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc));
        retry(r, x, why, 1);
        return;
    default:
        snprintf(why, sizeof why, "%s", x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc));
        fail(r, x, why);
        return;
    }
}

static char *mirror_url(ent_ctx *ctx, const char *mirror, const char *path)
{
    size_t n = strlen(mirror);
    while (n && mirror[n - 1] == '/')
        n--;
    size_t len = n + 1 + strlen(path) + 1;
    char *u = ent_malloc(ctx, len);
    if (u)
        snprintf(u, len, "%.*s/%s", (int)n, mirror, path);
    return u;
}

static ent_status fetch_run(ent_ctx *ctx, const ent_fetch_opts *o, ent_mf_folder_fn folder_of,
                            ent_fetch_result *res);

ent_status ent_fetch_run(ent_ctx *ctx, const ent_fetch_opts *o, ent_mf_folder_fn folder_of,
                         ent_fetch_result *res)
{
    double t0 = ent_now();
    ent_status st = fetch_run(ctx, o, folder_of, res);
    res->seconds = ent_now() - t0;
    return st;
}

static ent_status fetch_run(ent_ctx *ctx, const ent_fetch_opts *o, ent_mf_folder_fn folder_of,
                            ent_fetch_result *res)
{
    ent_manifest *m = NULL;
    unsigned char *sel = NULL;
    run r = {.ctx = ctx, .o = o, .res = res};
    CURLM *multi = NULL;
    ent_status st;
    size_t jobs = o->jobs > 0 ? (size_t)o->jobs : 4;

    memset(res, 0, sizeof *res);
    if (!o->datadir || !*o->datadir)
        return ent_err(ctx, ENT_EINVAL, "no data folder given");
    if ((st = ent_manifest_load(ctx, o->manifest, &m)) != ENT_OK)
        return st;
    if (!(sel = ent_calloc(ctx, m->n ? m->n : 1, 1)) ||
        !(r.x = ent_calloc(ctx, m->n ? m->n : 1, sizeof *r.x))) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    if ((st = ent_manifest_select(m, o->only, folder_of, sel)) != ENT_OK)
        goto out;
    if (mkdir(o->datadir, 0777) != 0 && errno != EEXIST) {
        st = ent_err(ctx, ENT_EIO, "%s: cannot create folder: %s", o->datadir, strerror(errno));
        goto out;
    }
    for (size_t i = 0; i < m->n; i++) {
        const ent_mf_entry *e = &m->e[i];
        char got[65];
        if (!sel[i] || e->kind == ENT_MF_PREPARED)
            continue;
        xfer *x = &r.x[r.n];
        x->e = e;
        x->fd = -1;
        if (!(x->dest = ent_path_join(ctx, o->datadir, e->path)) ||
            !(x->part = ent_malloc(ctx, strlen(x->dest) + 6)) ||
            !(x->url = o->mirror ? mirror_url(ctx, o->mirror, e->mirror_path)
                                 : ent_strdup(ctx, e->url))) {
            r.n++;
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        snprintf(x->part, strlen(x->dest) + 6, "%s.part", x->dest);
        r.n++;
        if (file_matches(ctx, x->dest, e, got)) {
            x->state = X_DONE;
            res->present++;
            continue;
        }
        if ((st = mkdirs(&r, x->dest)) != ENT_OK)
            goto out;
        r.total += e->size;
        x->state = X_WAIT;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK || !(multi = curl_multi_init())) {
        st = ent_err(ctx, ENT_ENOMEM, "cannot initialise libcurl");
        goto out;
    }
    for (;;) {
        double now = ent_now(), next = -1;
        int pending = 0, still = 0;
        for (size_t i = 0; i < r.n; i++) {
            xfer *x = &r.x[i];
            if (x->state != X_WAIT)
                continue;
            pending = 1;
            if (r.running < jobs && x->not_before <= now) {
                if ((st = start(&r, x, multi)) != ENT_OK) {
                    if (x->fd >= 0)
                        close(x->fd);
                    x->fd = -1;
                    if (x->h)
                        curl_easy_cleanup(x->h);
                    x->h = NULL;
                    fail(&r, x, ent_errmsg(ctx));
                    st = ENT_OK;
                }
            } else if (x->not_before > now && (next < 0 || x->not_before < next)) {
                next = x->not_before;
            }
        }
        if (!pending && r.running == 0)
            break;
        curl_multi_perform(multi, &still);
        CURLMsg *msg;
        int left;
        while ((msg = curl_multi_info_read(multi, &left))) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            xfer *x = NULL;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&x);
            finish(&r, x, multi, msg->data.result);
        }
        draw_bar(&r, 0);
        int wait_ms = 200;
        if (next > 0 && (next - ent_now()) * 1000 < wait_ms)
            wait_ms = (int)((next - ent_now()) * 1000) + 1;
        if (wait_ms < 1)
            wait_ms = 1;
        curl_multi_poll(multi, NULL, 0, wait_ms, NULL);
    }
    draw_bar(&r, 1);
    clear_bar(&r);
    st = res->failed ? ENT_EIO : ENT_OK;
out:
    for (size_t i = 0; i < r.n; i++) {
        xfer *x = &r.x[i];
        if (x->h) { /* only on an early exit: no transfer survives the loop */
            curl_multi_remove_handle(multi, x->h);
            curl_easy_cleanup(x->h);
            if (x->fd >= 0)
                close(x->fd);
            if (x->part)
                unlink(x->part);
        }
        ent_free(ctx, x->dest);
        ent_free(ctx, x->part);
        ent_free(ctx, x->url);
    }
    /* folders made for files that never arrived go again (rmdir keeps non-empty ones) */
    for (size_t i = r.nmade; i-- > 0;) {
        rmdir(r.made[i]);
        ent_free(ctx, r.made[i]);
    }
    ent_free(ctx, r.made);
    if (multi) {
        curl_multi_cleanup(multi);
        curl_global_cleanup();
    }
    ent_free(ctx, r.x);
    ent_free(ctx, sel);
    ent_manifest_free(m);
    return st;
}
