/*
 * html.h -- the report page: one self-contained HTML file (inline CSS and
 * SVG, no scripts, fonts, images or links to fetch) holding, in order, the
 * answer, the scores over time, the comparison in one year, robustness,
 * coverage, and method and sources; and the writer that puts it (and, on
 * request, each chart as its own SVG file) on disk atomically.
 *
 * Ownership: an ent_rp_page owns its texts; free with ent_rp_page_free.
 */
#ifndef ENT_HTML_H
#define ENT_HTML_H

#include "rpdata.h"

#define ENT_RP_MAXCHARTS 16

typedef struct ent_rp_page {
    ent_ctx *ctx;
    char *html;
    int ncharts;
    char name[ENT_RP_MAXCHARTS][40]; /* file names: "trend-composite.svg" */
    char *svg[ENT_RP_MAXCHARTS];     /* each chart, a standalone SVG document */
} ent_rp_page;

/* ent_rp_render draws every chart and the page from rp. */
ent_status ent_rp_render(ent_ctx *ctx, const ent_rp *rp, ent_rp_page *page);
void ent_rp_page_free(ent_rp_page *page);
/* ent_rp_write writes page->html to path and, when svgdir is not NULL, each
 * chart to svgdir/NAME (the folder is made if missing).  Every file is
 * written beside its target and renamed into place only when all were
 * written: on failure nothing is replaced. */
ent_status ent_rp_write(ent_ctx *ctx, const ent_rp_page *page, const char *path,
                        const char *svgdir);

#endif
