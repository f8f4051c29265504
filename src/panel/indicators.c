/*
 * indicators.c -- the panel's codebook: every indicator, its dimension, unit,
 * directedness, source, coverage and definition.  One table; the panel's
 * columns, `entente codebook`, `entente dyad` and docs/measures.md follow it.
 */
#include "panel.h"

#include <string.h>

#define Z ENT_ABSENT_ZERO
#define N ENT_ABSENT_NULL

const ent_indicator ent_panel_indicators[] = {
    /* personal */
    {"meet_episodes", "personal", "episodes", "no", NULL, "meet_dyad_year", 0, 0, N, 0,
     "in-person meeting episodes between the heads of state or government of the two states "
     "(consecutive days with one counterpart at one place = one episode); NULL where no "
     "source covers the dyad-year",
     "partial: the dyad-years a meetings source covers (China Vitae: CHN with every member, 2003-2018; State Department: USA with every member, from 1945; ICEWS: every dyad in the whole years its files span)"},
    {"meet_days", "personal", "days", "no", NULL, "meet_dyad_year", 0, 0, N, 0,
     "distinct days of those in-person episodes",
     "partial: the dyad-years a meetings source covers (China Vitae: CHN with every member, 2003-2018; State Department: USA with every member, from 1945; ICEWS: every dyad in the whole years its files span)"},
    {"meet_calls", "personal", "calls", "no", NULL, "meet_dyad_year", 0, 0, N, 0,
     "phone and video calls between the leaders, counted apart from meetings",
     "partial: the dyad-years a meetings source covers (China Vitae: CHN with every member, 2003-2018; State Department: USA with every member, from 1945; ICEWS: every dyad in the whole years its files span)"},
    {"meet_coverage", "personal", "text", "no", NULL, "meet_dyad_year", 0, 0, N, 1,
     "which side's records cover the dyad-year (china_vitae, state_dept, ...)",
     "partial: the dyad-years a meetings source covers (China Vitae: CHN with every member, 2003-2018; State Department: USA with every member, from 1945; ICEWS: every dyad in the whole years its files span)"},

    /* economic */
    {"trade_total", "economic", "current million USD", "no", NULL, "cow_trade", 1870, 2014, N, 0,
     "flow1 + flow2 of COW Trade 4.0 (imports of each side from the other); NULL when COW "
     "has no figure", NULL},
    {"trade_1to2", "economic", "current million USD", "1to2", "trade_2to1", "cow_trade", 1870,
     2014, N, 0, "exports of state 1 to state 2 (COW flow2: imports of 2 from 1)", NULL},
    {"trade_2to1", "economic", "current million USD", "2to1", "trade_1to2", "cow_trade", 1870,
     2014, N, 0, "exports of state 2 to state 1 (COW flow1: imports of 1 from 2)", NULL},
    {"trade_share_1", "economic", "share", "side 1", "trade_share_2", "cow_trade", 1870, 2014,
     N, 0, "trade_total / (imports + exports of state 1), COW state-year totals", NULL},
    {"trade_share_2", "economic", "share", "side 2", "trade_share_1", "cow_trade", 1870, 2014,
     N, 0, "trade_total / (imports + exports of state 2)", NULL},
    {"exports_itpd_1to2", "economic", "constant 2010 USD", "1to2", "exports_itpd_2to1",
     "itpd_bilateral_trade", 2000, 2016, Z, 0,
     "ITPD-E exports of state 1 to state 2 (all sectors); 0 when ITPD-E lists no flow", NULL},
    {"exports_itpd_2to1", "economic", "constant 2010 USD", "2to1", "exports_itpd_1to2",
     "itpd_bilateral_trade", 2000, 2016, Z, 0, "ITPD-E exports of state 2 to state 1", NULL},
    {"imf_exports_1to2", "economic", "current million USD", "1to2", "imf_exports_2to1",
     "imf_dots", 1960, 2020, N, 0,
     "IMF DOTS exports (FOB) of state 1 to state 2 as state 1 reported them; NULL when state 1 "
     "reported no figure for state 2", NULL},
    {"imf_exports_2to1", "economic", "current million USD", "2to1", "imf_exports_1to2",
     "imf_dots", 1960, 2020, N, 0,
     "IMF DOTS exports (FOB) of state 2 to state 1 as state 2 reported them", NULL},
    {"imf_imports_1to2", "economic", "current million USD", "1to2", "imf_imports_2to1",
     "imf_dots", 1960, 2020, N, 0,
     "the same flow as imf_exports_1to2 seen from the other side (mirror statistics): imports "
     "(CIF) of state 2 from state 1 as state 2 reported them; NULL when state 2 reported none",
     NULL},
    {"imf_imports_2to1", "economic", "current million USD", "2to1", "imf_imports_1to2",
     "imf_dots", 1960, 2020, N, 0,
     "imports (CIF) of state 1 from state 2 as state 1 reported them", NULL},
    {"imf_trade_total", "economic", "current million USD", "no", NULL, "imf_dots", 1960, 2020, N,
     0,
     "trade in both directions as the index reads DOTS: each direction is the importer's CIF "
     "figure, else the exporter's FOB figure, else 0 when either state reported to DOTS that "
     "year (a World total); NULL when neither did", NULL},
    {"imf_trade_share_1", "economic", "share", "side 1", "imf_trade_share_2", "imf_dots", 1960,
     2020, N, 0,
     "imf_trade_total / (exports + imports of state 1 with World, as state 1 reported them); "
     "NULL without that report", NULL},
    {"imf_trade_share_2", "economic", "share", "side 2", "imf_trade_share_1", "imf_dots", 1960,
     2020, N, 0, "imf_trade_total / (exports + imports of state 2 with World)", NULL},
    {"imf_estimated", "economic", "0/1", "no", NULL, "imf_dots", 1960, 2020, N, 0,
     "1 when a figure imf_trade_total uses carries the IMF's estimate mark ('e'); NULL with "
     "imf_trade_total", NULL},

    /* military */
    {"atop_defense", "military", "0/1", "no", NULL, "atop_alliance", 1815, 2018, Z, 0,
     "an ATOP defense obligation between the two states in force that year, held by either "
     "side (ATOP's directed rows are combined: a one-sided guarantee counts)", NULL},
    {"atop_offense", "military", "0/1", "no", NULL, "atop_alliance", 1815, 2018, Z, 0,
     "an ATOP offense obligation", NULL},
    {"atop_neutral", "military", "0/1", "no", NULL, "atop_alliance", 1815, 2018, Z, 0,
     "an ATOP neutrality obligation", NULL},
    {"atop_nonagg", "military", "0/1", "no", NULL, "atop_alliance", 1815, 2018, Z, 0,
     "an ATOP non-aggression obligation", NULL},
    {"atop_consul", "military", "0/1", "no", NULL, "atop_alliance", 1815, 2018, Z, 0,
     "an ATOP consultation obligation", NULL},
    {"atop_level", "military", "ordinal 0-3", "no", NULL, "atop_alliance", 1815, 2018, Z, 0,
     "the highest ATOP obligation on the Signorino-Ritter alliance scale: 3 defense or "
     "offense (military support), 2 neutrality, 1 non-aggression or consultation, 0 none", NULL},
    {"cow_defense", "military", "0/1", "no", NULL, "cow_alliance", 1816, 2012, Z, 0,
     "a COW defense pact (v4.1)", NULL},
    {"cow_neutral", "military", "0/1", "no", NULL, "cow_alliance", 1816, 2012, Z, 0,
     "a COW neutrality pact (or stronger)", NULL},
    {"cow_nonagg", "military", "0/1", "no", NULL, "cow_alliance", 1816, 2012, Z, 0,
     "a COW non-aggression pact (or stronger)", NULL},
    {"cow_entente", "military", "0/1", "no", NULL, "cow_alliance", 1816, 2012, Z, 0,
     "a COW entente (or stronger)", NULL},
    {"arms_tiv_1to2", "military", "million TIV", "1to2", "arms_tiv_2to1",
     "sipri_arms_transfers_tiv", 1950, 2018, Z, 0,
     "SIPRI trend-indicator value of arms ordered from state 1 by state 2, by order year", NULL},
    {"arms_tiv_2to1", "military", "million TIV", "2to1", "arms_tiv_1to2",
     "sipri_arms_transfers_tiv", 1950, 2018, Z, 0, "arms ordered from state 2 by state 1", NULL},
    {"arms_share_1to2", "military", "share", "1to2", "arms_share_2to1",
     "sipri_arms_transfers_tiv", 1950, 2018, N, 0,
     "arms_tiv_1to2 / all arms ordered by state 2 that year; NULL when state 2 ordered none", NULL},
    {"arms_share_2to1", "military", "share", "2to1", "arms_share_1to2",
     "sipri_arms_transfers_tiv", 1950, 2018, N, 0,
     "arms_tiv_2to1 / all arms ordered by state 1 that year; NULL when state 1 ordered none", NULL},
    {"arms_deliv_1to2", "military", "million TIV", "1to2", "arms_deliv_2to1",
     "sipri_trade_register", 1995, 2024, Z, 0,
     "SIPRI trend-indicator value of arms delivered from state 1 to state 2, by DELIVERY year "
     "(trade register, 2026 release); a different quantity from arms_tiv_* (order year, an "
     "older release): the two are never spliced", NULL},
    {"arms_deliv_2to1", "military", "million TIV", "2to1", "arms_deliv_1to2",
     "sipri_trade_register", 1995, 2024, Z, 0,
     "arms delivered from state 2 to state 1, by delivery year", NULL},
    {"arms_deliv_share_1to2", "military", "share", "1to2", "arms_deliv_share_2to1",
     "sipri_trade_register", 1995, 2024, N, 0,
     "arms_deliv_1to2 / all arms delivered to state 2 that year by suppliers that are states; "
     "NULL when state 2 received none", NULL},
    {"arms_deliv_share_2to1", "military", "share", "2to1", "arms_deliv_share_1to2",
     "sipri_trade_register", 1995, 2024, N, 0,
     "arms_deliv_2to1 / all arms delivered to state 1 that year; NULL when state 1 received "
     "none", NULL},
    {"alliance_s", "military", "S, -1..1", "no", NULL, "atop_alliance+cow_nmc", 1816, 2018, N, 0,
     "alliance-portfolio similarity: Signorino-Ritter S over the two states' atop_level "
     "ties (0-3) to every system member that year (each state tied to itself at 3), each "
     "member weighted by its CINC (a member without CINC weighs 0): 1 - 2 sum_k w_k "
     "|l_1k - l_2k| / (3 sum_k w_k)", NULL},
    {"alliance_kappa", "military", "kappa", "no", NULL, "atop_alliance", 1816, 2018, N, 0,
     "Cohen's kappa (nominal) between the two atop_level portfolios over all system "
     "members, unweighted (Hage 2011); NULL when no disagreement is expected", NULL},
    {"mme_joint", "military", "exercises", "no", NULL, "mme_exercises", 1980, 2010, Z, 0,
     "multinational military exercises under way that year in which both states took part "
     "(MME v7; an exercise spanning years counts in each)", NULL},
    {"mme_bilateral", "military", "exercises", "no", NULL, "mme_exercises", 1980, 2010, Z, 0,
     "those of the two states alone (the source's participant count is 2; an unknown "
     "participant, coded -9, counts)", NULL},
    {"us_troops", "military", "persons", "no", NULL, "us_troops", 1950, 2024, N, 0,
     "US active-duty military personnel stationed in the other state of a dyad of the USA "
     "(DoD DMDC via troopdata); every dyad without the USA is NULL, never 0: no source counts "
     "other states' forces abroad",
     "dyads of the USA only"},

    /* diplomatic */
    {"un_n", "diplomatic", "roll calls", "no", NULL, "unvotes+unga_votes_voeten", 1946, 2023, N, 0,
     "UNGA roll calls on which both voted (year = session + 1945: unvotes 1946-2019, "
     "unga_votes_voeten 2020-2023; 2023 = session 78 is partial, the file ends 2024-06-04; "
     "2024 = session 79 is not in the data)", NULL},
    {"un_agree", "diplomatic", "share", "no", NULL, "unvotes+unga_votes_voeten", 1946, 2023, N, 0,
     "share of those roll calls with identical votes; NULL when un_n = 0", NULL},
    {"un_s", "diplomatic", "S, -1..1", "no", NULL, "unvotes+unga_votes_voeten", 1946, 2023, N, 0,
     "Signorino-Ritter S of the votes (yes 1, abstain 2, no 3; d_max 2)", NULL},
    {"un_pi", "diplomatic", "pi", "no", NULL, "unvotes+unga_votes_voeten", 1946, 2023, N, 0,
     "Scott's pi of the votes, quadratic weights (Hage 2011)", NULL},
    {"un_kappa", "diplomatic", "kappa", "no", NULL, "unvotes+unga_votes_voeten", 1946, 2023, N, 0,
     "Cohen's kappa of the votes, quadratic weights (Hage 2011)", NULL},
    {"ideal_point_distance", "diplomatic", "ideal-point units", "no", NULL, "unga_ideal_points",
     1946, 2023, N, 0, "|idealpointall_1 - idealpointall_2| (Bailey, Strezhnev & Voeten)", NULL},
    {"ideal_distance_own", "diplomatic", "ideal-point units", "no", NULL, "ideal_estimates",
     0, 0, N, 0, "|estimate_1 - estimate_2| of entente's own dynamic ordinal ideal points "
     "(`entente idealpoints --store`; docs/measures.md); NULL where none is stored",
     "the state-years stored by `entente idealpoints --store`; none stored: NULL"},
    {"unsc_joint_vetoes", "diplomatic", "drafts", "no", NULL, "unsc_vetoes", 1946, 2022, Z, 0,
     "Security Council drafts that both states vetoed that year", NULL},
    {"shared_igos", "diplomatic", "IGOs", "no", NULL, "cow_igo", 1816, 2014, N, 0,
     "intergovernmental organisations in which both are full members (COW IGO v3)", NULL},
    {"dip_exchange", "diplomatic", "0/1", "no", NULL, "cow_diplomatic_exchange_extract", 0, 0, N,
     0, "COW Diplomatic Exchange (v2006.1) DE flag: 1 when either side has representation "
     "in the other's capital; the loaded file is a partial extract (Russia-China, 5-year "
     "waves 1864-2005), so every other dyad-year is NULL, never 0",
     "partial: RUS-CHN only, 5-year waves 1864-2005 (DE v2006.1 extract)"},
    {"ev_verbal_coop", "diplomatic", "events", "no", NULL, "events", 0, 0, N, 0,
     "verbal-cooperation events (quad 1) in both directions, from `entente events --store`; "
     "a dyad-year with no stored event is missing, not 0 (an extract's coverage of dyads "
     "is unknown)",
     "dyad-years with stored events (`entente events --store`); none stored: NULL"},
    {"ev_material_coop", "diplomatic", "events", "no", NULL, "events", 0, 0, N, 0,
     "material-cooperation events (quad 2), both directions", "dyad-years with stored events (`entente events --store`); none stored: NULL"},
    {"ev_verbal_conf", "diplomatic", "events", "no", NULL, "events", 0, 0, N, 0,
     "verbal-conflict events (quad 3), both directions", "dyad-years with stored events (`entente events --store`); none stored: NULL"},
    {"ev_material_conf", "diplomatic", "events", "no", NULL, "events", 0, 0, N, 0,
     "material-conflict events (quad 4), both directions", "dyad-years with stored events (`entente events --store`); none stored: NULL"},
    {"ev_goldstein_mean", "diplomatic", "Goldstein -10..10", "no", NULL, "events", 0, 0, N, 0,
     "mean Goldstein score of the dyad's events, both directions",
     "dyad-years with stored events (`entente events --store`); none stored: NULL"},

    /* context */
    {"contiguity", "context", "COW type 0-5", "no", NULL, "cow_contiguity", 1816, 2016, Z, 0,
     "closest COW direct contiguity: 1 land or river, 2-5 separated by up to 12, 24, 150, "
     "400 miles of water, 0 none", NULL},
    {"min_distance", "context", "km", "no", NULL, "distance", 1886, 2019, N, 0,
     "minimum distance between the two states' territories (CShapes 2.0)", NULL},
    {"cinc_1", "context", "share of world", "side 1", "cinc_2", "cow_nmc", 1816, 2022, N, 0,
     "CINC composite index of national capability of state 1 (NMC 7.0)", NULL},
    {"cinc_2", "context", "share of world", "side 2", "cinc_1", "cow_nmc", 1816, 2022, N, 0,
     "CINC of state 2", NULL},
    {"cinc_ratio", "context", "ratio >= 1", "no", NULL, "cow_nmc", 1816, 2022, N, 0,
     "the stronger side's CINC / the weaker side's; NULL when either is missing or 0", NULL},
    {"mid_onset", "context", "0/1", "no", NULL, "cow_mid", 1816, 2014, Z, 0,
     "a militarized interstate dispute between the two began that year (MID 5.0)", NULL},
    {"mid_ongoing", "context", "0/1", "no", NULL, "cow_mid", 1816, 2014, Z, 0,
     "a MID between the two was under way that year", NULL},
    {"mid_hostlev", "context", "0-5", "no", NULL, "cow_mid", 1816, 2014, Z, 0,
     "the highest hostility level either side reached in the dyad's MIDs that year "
     "(0 none, 2 threat, 3 display, 4 use of force, 5 war)", NULL},
    {"rivalry", "context", "0/1", "no", NULL, "rivalries", 1816, 2010, Z, 0,
     "a Thompson-Dreyer strategic rivalry between the two that year", NULL},
    {"polyarchy_1", "context", "0-1", "side 1", "polyarchy_2", "democracy_gdp", 1816, 2019, N, 0,
     "V-Dem electoral democracy index (v2x_polyarchy) of state 1 (the file's 2020 rows are "
     "empty)", NULL},
    {"polyarchy_2", "context", "0-1", "side 2", "polyarchy_1", "democracy_gdp", 1816, 2019, N, 0,
     "V-Dem electoral democracy index of state 2", NULL},
    {"polity2_1", "context", "-10..10", "side 1", "polity2_2", "democracy_gdp", 1816, 2017, N, 0,
     "Polity IV polity2 score of state 1", NULL},
    {"polity2_2", "context", "-10..10", "side 2", "polity2_1", "democracy_gdp", 1816, 2017, N, 0,
     "Polity IV polity2 score of state 2", NULL},
    {"gdp_1", "context", "2011 USD", "side 1", "gdp_2", "democracy_gdp", 1816, 2015, N, 0,
     "GDP of state 1 (Anders, Fariss & Markowitz estimate; exp of the file's natural log; "
     "the file's 2016 rows are empty)", NULL},
    {"gdp_2", "context", "2011 USD", "side 2", "gdp_1", "democracy_gdp", 1816, 2015, N, 0,
     "GDP of state 2", NULL},
    {"pop_1", "context", "persons", "side 1", "pop_2", "democracy_gdp", 1816, 2015, N, 0,
     "population of state 1 (Anders, Fariss & Markowitz estimate; exp of the file's log)", NULL},
    {"pop_2", "context", "persons", "side 2", "pop_1", "democracy_gdp", 1816, 2015, N, 0,
     "population of state 2", NULL},
};

const size_t ent_panel_nindicators = sizeof ent_panel_indicators / sizeof ent_panel_indicators[0];

int ent_panel_find(const char *name)
{
    /* the bare names of the UNGA measures */
    static const char *const alias[][2] = {{"agree", "un_agree"}, {"s", "un_s"},
                                           {"pi", "un_pi"},       {"kappa", "un_kappa"},
                                           {"n", "un_n"}};
    for (size_t a = 0; a < sizeof alias / sizeof alias[0]; a++)
        if (!strcmp(alias[a][0], name))
            name = alias[a][1];
    for (size_t i = 0; i < ent_panel_nindicators; i++)
        if (!strcmp(ent_panel_indicators[i].name, name))
            return (int)i;
    return -1;
}
