/*
 * html.c -- the report page (see html.h): the sections in order, the CSS
 * for screen, phone and print, and the atomic writer for the page and the
 * chart files.
 */
#include "html.h"
#include "charts.h"
#include "entente.h"
#include "../core/atomic.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char css[] =
    ":root{--ink:#222;--muted:#595959;--rule:#ddd;--subject:" ENT_C_SUBJECT "}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:980px;padding:16px 20px 40px;color:var(--ink);background:#fff;"
    "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif}\n"
    "h1{font-size:1.6em;line-height:1.2;margin:.4em 0 .2em}\n"
    "h2{font-size:1.25em;margin:1.8em 0 .4em;padding-top:.6em;border-top:2px solid var(--rule)}\n"
    "h3{font-size:1.02em;margin:1.1em 0 .3em}\n"
    ".sub{color:var(--muted);margin:0 0 1em}\n"
    ".answer{border-left:5px solid var(--subject);padding:.5em 1em;margin:.8em 0;"
    "background:#fdf3ec}\n"
    ".answer p{margin:.3em 0}\n"
    ".verdict{font-size:1.08em;font-weight:600}\n"
    ".robust,.missing,.note{color:var(--muted);font-size:.94em}\n"
    "figure{margin:1em 0;break-inside:avoid;page-break-inside:avoid}\n"
    "figure svg{display:block;width:100%;height:auto;max-width:100%}\n"
    "figcaption{font-size:.9em;color:var(--muted);margin-top:.3em}\n"
    ".multi{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:8px 18px}\n"
    ".multi figure{margin:.4em 0}\n"
    ".for-narrow{display:none}\n"
    ".wide{overflow-x:auto;-webkit-overflow-scrolling:touch}\n"
    ".wide svg.chart{width:auto;max-width:none}\n"
    "table{border-collapse:collapse;font-size:.88em;width:100%}\n"
    "th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--rule)}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "pre{white-space:pre-wrap;word-break:break-all;background:#f5f5f5;padding:.7em 1em;"
    "font-size:.88em;border:1px solid var(--rule)}\n"
    "code{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace}\n"
    "@media (max-width:600px){body{font-size:15px;padding:10px 12px 30px}"
    "h1{font-size:1.35em}.answer{padding:.4em .7em}"
    "table,tbody,tr,td{display:block}thead{display:none}tr{padding:6px 0;"
    "border-bottom:1px solid var(--rule)}td{border:none;padding:1px 0}td.n{text-align:left}"
    "td:first-child{font-weight:600}td[data-l]::before{content:attr(data-l) \": \";"
    "color:var(--muted)}"
    ".for-wide{display:none}.for-narrow{display:block}}\n"
    "@media print{body{max-width:none;padding:0;font-size:11pt}"
    ".for-wide{display:block}.for-narrow{display:none}"
    "figure svg{max-height:23cm;width:auto;margin:0 auto}"
    ".multi{grid-template-columns:1fr 1fr}"
    ".answer{background:none}h2{break-after:avoid;page-break-after:avoid}"
    ".wide{overflow:visible}.wide svg.chart{width:100%}"
    "tr{break-inside:avoid;page-break-inside:avoid}}\n";

static void esc(ent_sb *b, const char *s)
{
    ent_sb_xml(b, s);
}

static void tag_text(ent_sb *b, const char *open, const char *text, const char *close)
{
    ent_sb_puts(b, open);
    esc(b, text);
    ent_sb_puts(b, close);
}

static const char *ordinal(int n)
{
    int t = n % 100;
    if (t >= 11 && t <= 13)
        return "th";
    return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

/* a variant of a chart for narrow screens: inline only, not a file */
static void add_narrow(ent_sb *out, ent_sb *svg)
{
    ent_sb_puts(out, "</div>\n<div class=\"for-narrow\">\n");
    ent_sb_puts(out, svg->p);
    ent_sb_puts(out, "</div>\n");
    svg->len = 0;
    if (svg->p)
        svg->p[0] = 0;
}

static int add_chart(ent_rp_page *pg, ent_sb *out, const char *name, ent_sb *svg)
{
    char *s;
    if (pg->ncharts >= ENT_RP_MAXCHARTS || svg->oom)
        return 0;
    ent_sb_puts(out, svg->p);
    if (!(s = ent_sb_take(svg)))
        return 0;
    snprintf(pg->name[pg->ncharts], sizeof pg->name[0], "%s.svg", name);
    pg->svg[pg->ncharts++] = s;
    return 1;
}

/* the dimensions missing for the subject in year t, "personal, economic", or "" */
static void missing_dims(const ent_rp *rp, int t, char *buf, size_t cap)
{
    buf[0] = 0;
    for (int d = 0; d < ENT_NDIM; d++)
        if (isnan(rp->subj[(size_t)d * (size_t)rp->nyears + (size_t)(t - rp->from)]))
            snprintf(buf + strlen(buf), cap - strlen(buf), "%s%s", *buf ? ", " : "",
                     ent_rp_measure_names[d]);
}

static void section_answer(ent_sb *b, const ent_rp *rp)
{
    ent_sb_puts(b, "<section id=\"answer\">\n<h2>The answer</h2>\n");
    for (int i = 0; i < rp->nans; i++) {
        const ent_rp_answer *a = &rp->ans[i];
        char md[128];
        ent_sb_puts(b, "<div class=\"answer\">\n<h3>");
        if (a->complete)
            ent_sb_printf(b, "In %d, the latest year%s with data on all four dimensions", a->year,
                          rp->to > a->year ? " of the span" : "");
        else {
            missing_dims(rp, a->year, md, sizeof md);
            ent_sb_printf(b, "In %d, the last year of the span", a->year);
            if (!strcmp(md, "personal, economic, military, diplomatic"))
                ent_sb_puts(b, " (no data for the subject)");
            else if (*md) {
                ent_sb_puts(b, " (no ");
                esc(b, md);
                ent_sb_puts(b, " data for the subject: the composite is of what is there)");
            }
        }
        ent_sb_puts(b, "</h3>\n");
        tag_text(b, "<p class=\"verdict\">", a->verdict, "</p>\n");
        if (*a->robust)
            tag_text(b, "<p class=\"robust\">", a->robust, "</p>\n");
        if (*a->missing)
            tag_text(b, "<p class=\"missing\">", a->missing, "</p>\n");
        if (*a->carried)
            tag_text(b, "<p class=\"missing\">", a->carried, "</p>\n");
        ent_sb_puts(b, "</div>\n");
    }
    ent_sb_printf(b, "<p class=\"note\">Scores are 0-100, normalised among all dyads of each "
                     "year (%s); &#8220;above&#8221; is strictly above, ties do not count. "
                     "The group is ",
                  rp->norm);
    esc(b, rp->group);
    ent_sb_puts(b, ".</p>\n</section>\n");
}

static void caption_ends(ent_sb *b, const ent_rp *rp, int m)
{
    ent_sb ends;
    ent_sb_init(&ends, rp->ctx);
    if (ent_rp_source_ends(&ends, rp, m)) {
        ent_sb_puts(b, " Sources that end in the span, with the indicators they carry: ");
        esc(b, ends.p);
        ent_sb_puts(b, ".");
    }
    ent_sb_free(&ends);
    ent_sb_init(&ends, rp->ctx);
    if (ent_rp_subject_stops(&ends, rp, m)) {
        ent_sb_puts(b, " For ");
        esc(b, rp->subject);
        ent_sb_puts(b, " the data stop earlier: ");
        esc(b, ends.p);
        ent_sb_puts(b, ".");
    }
    ent_sb_free(&ends);
}

static void section_trend(ent_sb *b, ent_rp_page *pg, const ent_rp *rp)
{
    ent_sb svg;
    char name[40];
    ent_sb_init(&svg, rp->ctx);
    ent_sb_printf(b, "<section id=\"over-time\">\n<h2>Over time, %d&#8211;%d</h2>\n", rp->from,
                  rp->to);
    ent_sb_puts(b, "<p>The subject&#8217;s score each year against the group&#8217;s median and "
                   "its middle half (25th to 75th percentile, the subject left out). A missing "
                   "year is a gap, never a zero.</p>\n<figure>\n<div class=\"for-wide\">\n");
    ent_chart_trend(&svg, rp, ENT_RP_COMPOSITE, 0, "trend-composite");
    add_chart(pg, b, "trend-composite", &svg);
    ent_chart_trend(&svg, rp, ENT_RP_COMPOSITE, 1, "trend-composite-narrow");
    add_narrow(b, &svg);
    ent_sb_puts(b, "<figcaption>The composite: the weighted mean of the dimensions present; an "
                   "open diamond is a composite that lacks a whole dimension.");
    caption_ends(b, rp, ENT_RP_COMPOSITE);
    ent_sb_puts(b, "</figcaption>\n</figure>\n<div class=\"multi\">\n");
    for (int d = 0; d < ENT_NDIM; d++) {
        snprintf(name, sizeof name, "trend-%s", ent_rp_measure_names[d]);
        ent_sb_puts(b, "<figure>\n");
        ent_chart_trend(&svg, rp, d, 1, name);
        add_chart(pg, b, name, &svg);
        ent_sb_puts(b, "<figcaption>");
        esc(b, ent_rp_measure_names[d]);
        ent_sb_puts(b, ".");
        caption_ends(b, rp, d);
        ent_sb_puts(b, "</figcaption>\n</figure>\n");
    }
    ent_sb_puts(b, "</div>\n");
    {
        int any = 0;
        for (int t = 0; t < rp->nyears; t++) {
            if (!rp->year_note[t])
                continue;
            ent_sb_puts(b, any ? "; " : "<p class=\"note\">Years without a comparison: ");
            ent_sb_printf(b, "%d: ", rp->from + t);
            esc(b, rp->year_note[t]);
            any = 1;
        }
        if (any)
            ent_sb_puts(b, ".</p>\n");
    }
    ent_sb_puts(b, "</section>\n");
    ent_sb_free(&svg);
}

static void section_compare(ent_sb *b, ent_rp_page *pg, const ent_rp *rp)
{
    ent_sb svg;
    char name[40];
    ent_sb_init(&svg, rp->ctx);
    ent_sb_printf(b, "<section id=\"comparison\">\n<h2>The comparison in %d</h2>\n", rp->year);
    ent_sb_printf(b, "<p>Every dyad of the group (%zu with the subject), sorted by its score; "
                     "the dashed line is the group&#8217;s median without the subject.</p>\n",
                  rp->ndyads);
    ent_sb_puts(b, "<figure>\n<div class=\"for-wide\">\n");
    ent_chart_dots(&svg, rp, ENT_RP_COMPOSITE, 0, "group-composite");
    add_chart(pg, b, "group-composite", &svg);
    ent_chart_dots(&svg, rp, ENT_RP_COMPOSITE, 2, "group-composite-narrow");
    add_narrow(b, &svg);
    ent_sb_puts(b, "</figure>\n<h3>The four dimensions</h3>\n<div class=\"multi\">\n");
    for (int d = 0; d < ENT_NDIM; d++) {
        snprintf(name, sizeof name, "group-%s", ent_rp_measure_names[d]);
        ent_sb_puts(b, "<figure>\n");
        ent_chart_dots(&svg, rp, d, 1, name);
        add_chart(pg, b, name, &svg);
        ent_sb_puts(b, "</figure>\n");
    }
    ent_sb_puts(b, "</div>\n</section>\n");
    ent_sb_free(&svg);
}

static void section_ranks(ent_sb *b, ent_rp_page *pg, const ent_rp *rp)
{
    ent_sb svg;
    int defined = 0, cum = 0, med = 0, lo = 0, hi = 0;
    ent_sb_init(&svg, rp->ctx);
    for (size_t r = 1; r <= rp->ndyads; r++)
        defined += rp->rank_count[r];
    for (size_t r = 1; r <= rp->ndyads; r++) { /* median and the middle 90% of ranks */
        int c = rp->rank_count[r];
        if (!c)
            continue;
        if (!lo && (cum + c) * 20 > defined)
            lo = (int)r;
        if (!med && (cum + c) * 2 >= defined)
            med = (int)r;
        cum += c;
        if (!hi && cum * 20 >= defined * 19)
            hi = (int)r;
    }
    ent_sb_printf(b, "<section id=\"robustness\">\n<h2>Robustness in %d</h2>\n", rp->year);
    ent_sb_printf(b, "<p>The comparison repeated %d times (seed %lld) with indicator and "
                     "dimension weights drawn around the defaults (Dirichlet, concentration 20), "
                     "a random normalisation, and one indicator left out of each dimension that "
                     "has more than one.</p>\n",
                  rp->draws, rp->seed);
    ent_sb_puts(b, "<figure>\n<div class=\"for-wide\">\n");
    ent_chart_ranks(&svg, rp, 0, "ranks");
    add_chart(pg, b, "ranks", &svg);
    ent_chart_ranks(&svg, rp, 1, "ranks-narrow");
    add_narrow(b, &svg);
    ent_sb_puts(b, "<figcaption>");
    if (defined) {
        ent_sb_printf(b, "%s ranked first among the %zu dyads in %d of %d draws (%.0f%%); its "
                         "median rank was %d%s, and 90%% of draws put it between %d%s and "
                         "%d%s.",
                      rp->subject, rp->ndyads, rp->rank_count[1], defined,
                      100.0 * rp->rank_count[1] / defined, med, ordinal(med), lo, ordinal(lo), hi,
                      ordinal(hi));
        if (rp->default_rank)
            ent_sb_printf(b, " With the default weights it is %d%s.", rp->default_rank,
                          ordinal(rp->default_rank));
    } else {
        ent_sb_puts(b, "The subject had no composite score in any draw.");
    }
    if (rp->rank_count[0])
        ent_sb_printf(b, " No composite in %d draws.", rp->rank_count[0]);
    ent_sb_puts(b, "</figcaption>\n</figure>\n");
    for (int i = 0; i < rp->nans; i++)
        if (rp->ans[i].year == rp->year && *rp->ans[i].robust)
            tag_text(b, "<p class=\"robust\">", rp->ans[i].robust, "</p>\n");
    ent_sb_puts(b, "</section>\n");
    ent_sb_free(&svg);
}

static void section_coverage(ent_sb *b, ent_rp_page *pg, const ent_rp *rp)
{
    ent_sb svg;
    ent_sb_init(&svg, rp->ctx);
    ent_sb_puts(b, "<section id=\"coverage\">\n<h2>Coverage</h2>\n<p>Each indicator of the "
                   "index for ");
    esc(b, rp->subject);
    ent_sb_puts(b, ", year by year: a value, a zero (the source covers the year and records "
                   "nothing: no alliance, no arms, no meeting), or missing (outside the "
                   "source&#8217;s coverage, or not reported). Missing is never counted as "
                   "zero.</p>\n<figure class=\"wide\">\n");
    ent_chart_coverage(&svg, rp, "coverage");
    add_chart(pg, b, "coverage", &svg);
    ent_sb_puts(b, "</figure>\n</section>\n");
    ent_sb_free(&svg);
}

static void section_method(ent_sb *b, const ent_rp *rp)
{
    ent_sb_puts(b, "<section id=\"method\">\n<h2>Method and sources</h2>\n");
    ent_sb_printf(b, "<p>Normalisation: <b>%s</b> among all dyads of each year (0-100). A "
                     "dimension is the weighted mean of its indicators present (weights "
                     "renormalised); the composite is the weighted mean of the dimensions "
                     "present. Dimension weights: ",
                  rp->norm);
    for (int d = 0; d < ENT_NDIM; d++)
        ent_sb_printf(b, "%s%s %g", d ? ", " : "", ent_rp_measure_names[d], rp->dimw[d]);
    ent_sb_puts(b, ".</p>\n<div class=\"wide\"><table>\n<thead><tr><th>dimension</th>"
                   "<th>indicator</th><th>weight</th><th>source</th><th>years with data "
                   "(any dyad)</th></tr></thead>\n<tbody>\n");
    for (int d = 0; d < ENT_NDIM; d++)
        for (int k = 0; k < rp->nterms; k++) {
            const ent_rp_term *t = &rp->terms[k];
            if (t->dim != d)
                continue;
            tag_text(b, "<tr><td>", ent_rp_measure_names[d], "</td>");
            tag_text(b, "<td data-l=\"indicator\"><code>", t->expr, "</code>");
            ent_sb_printf(b, "%s</td><td class=\"n\" data-l=\"weight\">%g</td>", t->reverse ? " (reversed)" : "",
                          t->weight);
            tag_text(b, "<td data-l=\"source\">", t->source, "</td>");
            if (t->first && t->first < t->last)
                ent_sb_printf(b, "<td data-l=\"years with data\">%d&#8211;%d</td></tr>\n", t->first,
                              t->last);
            else if (t->first)
                ent_sb_printf(b, "<td data-l=\"years with data\">%d</td></tr>\n", t->first);
            else
                ent_sb_printf(b, "<td data-l=\"years with data\">none in %d&#8211;%d</td></tr>\n",
                              rp->from, rp->to);
        }
    ent_sb_puts(b, "</tbody></table></div>\n<h3>Sources</h3>\n<div class=\"wide\"><table>\n"
                   "<thead><tr><th>source</th><th>version</th><th>years in data</th>"
                   "<th>coverage</th><th>citation</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < rp->nsrc; i++) {
        const ent_rp_source *s = &rp->src[i];
        tag_text(b, "<tr><td>", s->name, "</td>");
        ent_sb_printf(b, "<td data-l=\"version\">loader v%d", s->version);
        if (*s->digest)
            ent_sb_printf(b, "<br><code>sha256 %s</code>", s->digest);
        ent_sb_puts(b, "</td><td data-l=\"years in data\">");
        if (s->year_lo)
            ent_sb_printf(b, "%d&#8211;%d", s->year_lo, s->year_hi);
        ent_sb_puts(b, "</td><td data-l=\"coverage\">");
        if (s->stated_lo)
            ent_sb_printf(b, "%d&#8211;%d; ", s->stated_lo, s->stated_hi);
        esc(b, s->coverage);
        tag_text(b, "</td><td data-l=\"citation\">", s->cite, "</td></tr>\n");
    }
    ent_sb_puts(b, "</tbody></table></div>\n<h3>Reproduce this page</h3>\n<pre><code>");
    esc(b, rp->command);
    ent_sb_printf(b, "</code></pre>\n<p class=\"note\">entente %s. The charts are also "
                     "written as SVG files with <code>--svg DIR</code>.</p>\n</section>\n",
                  ENT_VERSION);
}

ent_status ent_rp_render(ent_ctx *ctx, const ent_rp *rp, ent_rp_page *pg)
{
    ent_sb b;
    memset(pg, 0, sizeof *pg);
    pg->ctx = ctx;
    ent_sb_init(&b, ctx);
    ent_sb_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>");
    ent_sb_printf(&b, "%s against %s, %d-%d: entente report", rp->subject, rp->group, rp->from,
                  rp->to);
    ent_sb_printf(&b, "</title>\n<meta name=\"generator\" content=\"entente %s\">\n<style>\n%s"
                      "</style>\n</head>\n<body>\n<header>\n<h1>",
                  ENT_VERSION, css);
    esc(&b, rp->subject);
    ent_sb_puts(&b, " against ");
    esc(&b, rp->group);
    ent_sb_printf(&b, "</h1>\n<p class=\"sub\">How consequential is the relationship, "
                      "%d&#8211;%d? Four dimensions (personal, economic, military, diplomatic) "
                      "and their composite, from public data.</p>\n</header>\n<main>\n",
                  rp->from, rp->to);
    section_answer(&b, rp);
    section_trend(&b, pg, rp);
    section_compare(&b, pg, rp);
    section_ranks(&b, pg, rp);
    section_coverage(&b, pg, rp);
    section_method(&b, rp);
    ent_sb_puts(&b, "</main>\n</body>\n</html>\n");
    if (!(pg->html = ent_sb_take(&b)) || pg->ncharts != 12) {
        ent_rp_page_free(pg);
        return ent_err(ctx, ENT_ENOMEM, "report: out of memory");
    }
    return ENT_OK;
}

void ent_rp_page_free(ent_rp_page *pg)
{
    if (!pg->ctx)
        return;
    ent_free(pg->ctx, pg->html);
    for (int i = 0; i < pg->ncharts; i++)
        ent_free(pg->ctx, pg->svg[i]);
    memset(pg, 0, sizeof *pg);
}

ent_status ent_rp_write(ent_ctx *ctx, const ent_rp_page *pg, const char *path, const char *svgdir)
{
    ent_afile *f[ENT_RP_MAXCHARTS + 1] = {0};
    const char *text[ENT_RP_MAXCHARTS + 1];
    int n = 0, ok = 1;
    ent_status st = ENT_OK;
    if (svgdir) {
        if (mkdir(svgdir, 0777) != 0 && errno != EEXIST)
            return ent_err(ctx, ENT_EIO, "%s: cannot make the folder: %s", svgdir,
                           strerror(errno));
        for (int i = 0; i < pg->ncharts && st == ENT_OK; i++) {
            char *dst = ent_path_join(ctx, svgdir, pg->name[i]);
            if (!dst)
                st = ent_err(ctx, ENT_ENOMEM, "report: out of memory");
            else if ((st = ent_afile_open(ctx, dst, &f[n])) == ENT_OK)
                text[n++] = pg->svg[i];
            ent_free(ctx, dst);
        }
    }
    if (st == ENT_OK && (st = ent_afile_open(ctx, path, &f[n])) == ENT_OK)
        text[n++] = pg->html;
    /* every file written and flushed before any replaces its target */
    for (int i = 0; i < n && st == ENT_OK; i++) {
        FILE *fp = ent_afile_fp(f[i]);
        size_t len = strlen(text[i]);
        if (fwrite(text[i], 1, len, fp) != len || fflush(fp) != 0)
            ok = 0;
    }
    for (int i = 0; i < n; i++) {
        ent_status cs = ent_afile_close(f[i], st == ENT_OK && ok);
        if (st == ENT_OK && cs != ENT_OK)
            st = cs;
    }
    if (st == ENT_OK && !ok)
        st = ent_err(ctx, ENT_EIO, "%s: write failed: %s", path, strerror(errno));
    return st;
}
