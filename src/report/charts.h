/*
 * charts.h -- the report's charts as standalone SVG documents, drawn from an
 * ent_rp (rpdata.h) with the primitives of svg.h.  Every chart has a visible
 * title, axis labels with units, a legend, and <title>/<desc> for screen
 * readers.  Colours are Okabe-Ito, and every series also differs by shape or
 * dash pattern, so the charts read in greyscale and for colour-blind readers.
 *
 * Each function appends one complete <svg> element (with its xmlns, so the
 * same text is an inline chart and a file) to b; id prefixes the element ids.
 */
#ifndef ENT_CHARTS_H
#define ENT_CHARTS_H

#include "rpdata.h"
#include "svg.h"

/* Okabe & Ito (2008), "Color Universal Design" */
#define ENT_C_SUBJECT "#D55E00" /* vermillion: the subject, solid line, diamonds */
#define ENT_C_GROUP "#0072B2"   /* blue: the group's median (dashed) and its dyads (circles) */
#define ENT_C_BAND "#56B4E9"    /* sky blue, translucent: the interquartile band */
#define ENT_C_DRAWS "#009E73"   /* bluish green: the draws' bars */
#define ENT_C_ZERO "#E69F00"    /* orange: a zero, an open square */
#define ENT_C_INK "#222222"
#define ENT_C_GRID "#DDDDDD"
#define ENT_C_MUTED "#767676"   /* 4.5:1 on white */

extern const char *const ent_rp_measure_names[ENT_RP_NM]; /* personal ... composite */

/* the subject's score and the group's median and interquartile band by year
 * for measure m (a dimension, or ENT_RP_COMPOSITE); small: a small multiple */
void ent_chart_trend(ent_sb *b, const ent_rp *rp, int m, int small, const char *id);
/* every dyad of the group in rp->year on measure m, sorted, the subject
 * highlighted and the group median marked; small: 0 labelled, 1 a strip
 * without labels (a small multiple), 2 labelled and narrow (phones) */
void ent_chart_dots(ent_sb *b, const ent_rp *rp, int m, int small, const char *id);
/* the distribution of the subject's composite rank over the draws;
 * narrow: for phones */
void ent_chart_ranks(ent_sb *b, const ent_rp *rp, int narrow, const char *id);
/* the subject's indicator x year grid: present, zero, missing */
void ent_chart_coverage(ent_sb *b, const ent_rp *rp, const char *id);

/* ent_rp_source_ends appends, for the terms of measure m (all terms for the
 * composite) whose data stop before rp->to, "ATOP (atop_level) ends 2018;
 * ..." ordered by year; returns how many ended ("" and 0 when none). */
int ent_rp_source_ends(ent_sb *b, const ent_rp *rp, int m);
/* ent_rp_subject_stops appends, in the same form, the terms of measure m
 * whose data stop earlier for the subject than for the world (China Vitae's
 * Chinese leaders after 2018, where meetings go on for US dyads); returns
 * how many. */
int ent_rp_subject_stops(ent_sb *b, const ent_rp *rp, int m);

#endif
