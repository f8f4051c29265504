/*
 * sources.c -- the table of data sources, in build order.  Adding a data set
 * is one line here plus its file in src/sources/.  Derived sources (computed
 * from other tables) come after the sources they depend on.
 */
#include "../store/store.h"

extern const ent_source ent_src_states;
extern const ent_source ent_src_unvotes;
extern const ent_source ent_src_unga_votes_voeten;
extern const ent_source ent_src_un_agree;
extern const ent_source ent_src_archigos;
extern const ent_source ent_src_china_vitae;
extern const ent_source ent_src_state_dept;
extern const ent_source ent_src_icews_meetings;
extern const ent_source ent_src_meet_dyad_year;
extern const ent_source ent_src_atop_alliance;
extern const ent_source ent_src_cow_alliance;
extern const ent_source ent_src_cow_trade;
extern const ent_source ent_src_itpd_bilateral_trade;
extern const ent_source ent_src_sipri_arms_transfers_tiv;
extern const ent_source ent_src_sipri_trade_register;
extern const ent_source ent_src_imf_dots;
extern const ent_source ent_src_mme_exercises;
extern const ent_source ent_src_us_troops;
extern const ent_source ent_src_unsc_vetoes;
extern const ent_source ent_src_unga_ideal_points;
extern const ent_source ent_src_cow_nmc;
extern const ent_source ent_src_cow_contiguity;
extern const ent_source ent_src_distance;
extern const ent_source ent_src_cow_mid;
extern const ent_source ent_src_rivalries;
extern const ent_source ent_src_cow_igo;
extern const ent_source ent_src_democracy_gdp;
extern const ent_source ent_src_cow_diplomatic_exchange_extract;
extern const ent_source ent_src_panel;

const ent_source *const ent_sources[] = {
    &ent_src_states,
    &ent_src_unvotes,
    &ent_src_unga_votes_voeten,
    &ent_src_un_agree, /* derived from the two vote sources */
    &ent_src_archigos,
    &ent_src_china_vitae,
    &ent_src_state_dept,
    &ent_src_icews_meetings,
    &ent_src_meet_dyad_year,
    &ent_src_atop_alliance,
    &ent_src_cow_alliance,
    &ent_src_cow_trade,
    &ent_src_itpd_bilateral_trade,
    &ent_src_sipri_arms_transfers_tiv,
    &ent_src_sipri_trade_register, /* after the order-year TIVs: compared on the overlap */
    &ent_src_imf_dots,
    &ent_src_mme_exercises,
    &ent_src_us_troops,
    &ent_src_unsc_vetoes,
    &ent_src_unga_ideal_points,
    &ent_src_cow_nmc,
    &ent_src_cow_contiguity,
    &ent_src_distance,
    &ent_src_cow_mid,
    &ent_src_rivalries,
    &ent_src_cow_igo,
    &ent_src_democracy_gdp,
    &ent_src_cow_diplomatic_exchange_extract,
    &ent_src_panel, /* derived: last */
};

const size_t ent_nsources = sizeof ent_sources / sizeof ent_sources[0];
