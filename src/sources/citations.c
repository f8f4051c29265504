/*
 * citations.c -- the one copy of what to cite for each data folder the build
 * reads: publisher and release, licence, and the citation, as the folder's
 * SOURCE.txt gives them (../shared/data/NAME/SOURCE.txt).  `entente sources
 * --cite` prints them for the sources in a warehouse; docs/data.md repeats
 * them and tests/data/sources_cite.sh checks that it does, word for word.
 */
#include "citations.h"
#include "../store/store.h"

#include <string.h>

static const ent_citation citations[] = {
    {"cow_states",
     "Correlates of War Project, via peacesciencer",
     "State System Membership List v2016",
     "research use with citation",
     "Correlates of War Project. 2017. \"State System Membership List, v2016.\""},
    {"country_codes",
     "Arel-Bundock et al. (countrycode R package)",
     "countrycode codelist",
     "GPL-3",
     "Arel-Bundock, Enevoldsen & Yetman (2018) JOSS 3(28):848."},
    {"unvotes",
     "Erik Voeten (Harvard Dataverse), via the unvotes R package",
     "UNGA roll calls, sessions 1-74, 1946-2019",
     "CC0 (data); MIT (package)",
     "Voeten, Erik; Strezhnev, Anton; Bailey, Michael (2009) \"United Nations General "
     "Assembly Voting Data\", Harvard Dataverse, hdl:1902.1/12379; Robinson, David "
     "(2017) unvotes R package."},
    {"unga_votes_voeten",
     "Erik Voeten (Harvard Dataverse), reshaped by "
     "Pigeon-Effect/Mapping-UNGA-Voting-Alliances",
     "UNVotes to session 78 (2024-06-04), one row per roll call",
     "CC0 (data)",
     "Voeten, E., Strezhnev, A., Bailey, M. (2009-) \"United Nations General Assembly "
     "Voting Data\", Harvard Dataverse, hdl:1902.1/12379; Bailey, Strezhnev & Voeten "
     "(2017) JCR 61(2):430-456."},
    {"archigos_leaders",
     "Goemans, Gleditsch & Chiozza, via peacesciencer",
     "Archigos v4.1, 1840-2015",
     "research use with citation",
     "Goemans, Gleditsch & Chiozza (2009) \"Introducing Archigos\", JPR 46(2):269-283."},
    {"leader_engagements_china_vitae",
     "China Vitae (Carnegie Endowment), scraped in "
     "gbwalker/chinese-diplomacy-and-financing",
     "activity records 2003-03-23 to 2018-12-07",
     "research use; cite China Vitae (no licence file)",
     "China Vitae, Carnegie Endowment for International Peace: activity records of Xi "
     "Jinping, Hu Jintao, Li Keqiang, Wen Jiabao, Wang Yi, Yang Jiechi and Li Zhaoxing, "
     "2003-2018."},
    {"leader_visits_us_state_dept",
     "US Department of State, Office of the Historian (HistoryAtState/travels, "
     "HistoryAtState/visits)",
     "Travels of the President and Secretary; Visits by Foreign Leaders",
     "public domain (US government work); CC0 1.0",
     "Office of the Historian, US Department of State, \"Travels of the President\", "
     "\"Travels of the Secretary of State\" and \"Visits by Foreign Leaders\", "
     "history.state.gov."},
    {"icews_sample",
     "Boschee et al. (ICEWS), via the icews R package",
     "ICEWS events, sample 2018-06-01/02",
     "Dataverse terms (data); MIT (package)",
     "Boschee et al., ICEWS Coded Event Data, Harvard Dataverse, doi:10.7910/DVN/28075."},
    {"cameo_codebook",
     "CAMEO code tables from GDELT, andybega/icews and gdeltPyR",
     "CAMEO 1.1b3 codes and Goldstein scale",
     "research use with citation",
     "Schrodt, CAMEO Conflict and Mediation Event Observations codebook v1.1b3 (Parus "
     "Analytics / eventdata); Goldstein (1992) JCR 36(2)."},
    {"atop_alliance",
     "Leeds et al. (ATOP), via peacesciencer",
     "ATOP v5.1, 1815-2018",
     "research use with citation",
     "Leeds, Ritter, Mitchell & Long (2002) \"Alliance Treaty Obligations and "
     "Provisions, 1815-1944\", International Interactions 28:237-60; Miller, Steven V. "
     "(2022) \"peacesciencer\", Conflict Management and Peace Science 39(6):755-779."},
    {"cow_alliance",
     "Correlates of War Project (Gibler), via peacesciencer (a convenience copy)",
     "COW Formal Alliances v4.1, 1816-2012",
     "research use with citation",
     "Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. CQ Press."},
    {"cow_trade",
     "Correlates of War Project, via peacesciencer",
     "COW Trade v4.0, 1870-2014",
     "research use with citation",
     "Barbieri, Keshk & Pollins (2009) \"Trading Data: Evaluating our Assumptions and "
     "Coding Rules\", CMPS 26(5):471-491."},
    {"itpd_bilateral_trade",
     "USITC (ITPD-E), aggregated in dennis-klein/arms-trade-networks",
     "ITPD-E, 2000-2016, constant 2010 USD",
     "USITC terms",
     "Borchert, Larch, Shikher & Yotov (2021) \"The International Trade and Production "
     "Database for Estimation (ITPD-E)\", Int. Economics 166."},
    {"imf_dots",
     "International Monetary Fund, workbooks in SamLeBlanc/Direction-of-Trade-Map",
     "Direction of Trade Statistics, 1960-2020",
     "IMF Terms of Use: free for non-commercial use with attribution",
     "International Monetary Fund, Direction of Trade Statistics (DOTS), data.imf.org."},
    {"sipri_arms_transfers_tiv",
     "SIPRI, via dennis-klein/arms-trade-networks",
     "Arms Transfers Database, TIV by order year, 1950-2018",
     "free use with attribution",
     "SIPRI Arms Transfers Database, Stockholm International Peace Research Institute."},
    {"sipri_trade_register",
     "SIPRI, export in nagehanrdogan/Global-Arms-Trade-Network-Analysis-1995-2024-",
     "trade register, delivery years 1995-2024 (generated 12 Feb 2026)",
     "free use with attribution",
     "SIPRI Arms Transfers Database, Stockholm International Peace Research Institute, "
     "https://www.sipri.org/databases/armstransfers (generated 12 Feb 2026)."},
    {"mme_exercises",
     "D'Orazio & Galambos, via meflynn/troopdata",
     "Multinational Military Exercises v7, 1980-2010",
     "Dataverse terms (data); GPL (>= 3) (package)",
     "D'Orazio, Vito; Galambos, Kevin (2021) \"Multinational Military Exercises, "
     "1980-2010\", Harvard Dataverse, doi:10.7910/DVN/KHFODX."},
    {"us_troops",
     "Flynn et al. (troopdata), from DoD DMDC reports",
     "US military personnel by host country, 1950-2024",
     "public domain (DoD data); GPL (>= 3) (package)",
     "Allen, Flynn, Machain & Stravers; Flynn, M. E. troopdata R package "
     "(https://github.com/meflynn/troopdata); Kane (2004/2006) Heritage for early years."},
    {"unsc_vetoes",
     "world-politics-datalab/vetoes-un-security-council (C. L. Yordan)",
     "vetoed drafts 1946 to Sept 2022",
     "MIT",
     "Yordan, Carlos L., UN Security Council vetoes 1946-2022, from the UN Dag "
     "Hammarskjold Library veto list "
     "(world-politics-datalab/vetoes-un-security-council)."},
    {"unga_ideal_points",
     "Bailey, Strezhnev & Voeten",
     "UNGA ideal points, July 2025 release, 1946-2024",
     "CC0",
     "Bailey, Strezhnev & Voeten (2017) \"Estimating Dynamic State Preferences from "
     "United Nations Voting Data\", JCR 61(2):430-456; Harvard Dataverse "
     "hdl:1902.1/12379 (CC0)."},
    {"cow_nmc",
     "Correlates of War Project, via peacesciencer",
     "National Material Capabilities v7.0, 1816-2022",
     "research use with citation",
     "Singer, Bremer & Stuckey (1972); Singer (1987) Int. Interactions 14:115-32."},
    {"cow_contiguity",
     "Correlates of War Project, via peacesciencer",
     "Direct Contiguity v3.2, to 2016",
     "research use with citation",
     "Stinnett, Tir, Schafer, Diehl & Gochman (2002) CMPS 19(2):58-66."},
    {"distance",
     "CShapes 2.0, via peacesciencer",
     "minimum distances, 1886-2019",
     "research use with citation",
     "Schvitz et al. (2022) \"Mapping the International System, 1886-2019: The CShapes "
     "2.0 Dataset\", JCR."},
    {"cow_mid",
     "Correlates of War Project, via peacesciencer",
     "MID v5.0, 1816-2014",
     "research use with citation",
     "Palmer et al. (2021/2022) \"The MID5 Dataset, 2011-2014\", CMPS."},
    {"rivalries",
     "Thompson & Dreyer; Thompson, Sakuwa & Suhas; Gibler, Rider & Hutchison, via "
     "peacesciencer",
     "strategic rivalries and arms races",
     "research use with citation",
     "Thompson & Dreyer (2012), strategic rivalries; Thompson, Sakuwa & Suhas (2022), "
     "rivalries; Gibler, Rider & Hutchison (2005), arms races."},
    {"cow_igo",
     "Correlates of War Project, via peacesciencer",
     "COW IGO v3, 1816-2014",
     "research use with citation",
     "Pevehouse, Nordstrom, McManus & Jamison (2020) \"Tracking Organizations in the "
     "World: The COW IGO Data v3\", JPR 57(3)."},
    {"democracy_gdp",
     "V-Dem, Polity, Anders-Fariss-Markowitz, via peacesciencer @ 6df46f4",
     "democracy 1816-2020; simulated GDP and population 1800-2016",
     "research use with citation",
     "V-Dem polyarchy; Polity2; Xm UDS; Anders, Fariss & Markowitz, simulated GDP and "
     "population (as compiled in peacesciencer)."},
    {"cow_diplomatic_exchange_extract",
     "Correlates of War Project (Bayer), via glvn5150/correlates_of_war_and_IPE",
     "Diplomatic Exchange v2006.1, RUS-CHN rows",
     "research use with citation",
     "Bayer, Resat. 2006. \"Diplomatic Exchange Data set, v2006.1.\" Correlates of War "
     "Project."},
};

static const size_t ncitations = sizeof citations / sizeof citations[0];

const ent_citation *ent_citation_at(size_t i)
{
    return i < ncitations ? &citations[i] : NULL;
}

const ent_citation *ent_citation_folder(const char *folder)
{
    for (size_t i = 0; i < ncitations; i++)
        if (!strcmp(citations[i].folder, folder))
            return &citations[i];
    return NULL;
}

size_t ent_citation_source(const char *source, const ent_citation **out, size_t cap)
{
    const ent_source *s = ent_source_find(source);
    const ent_citation *c;
    size_t n = 0;
    if (!s || !s->dir) {
        if (!s && (c = ent_citation_folder(source)) && cap) /* a loader named after its folder */
            out[n++] = c;
        return n;
    }
    if (*s->dir) {
        if ((c = ent_citation_folder(s->dir)) && n < cap)
            out[n++] = c;
        return n;
    }
    for (size_t f = 0; f < sizeof s->files / sizeof s->files[0] && s->files[f]; f++) {
        const char *slash = strchr(s->files[f], '/'); /* files named folder/file */
        char dir[128];
        size_t k = slash ? (size_t)(slash - s->files[f]) : 0;
        if (!k || k >= sizeof dir)
            continue;
        memcpy(dir, s->files[f], k);
        dir[k] = '\0';
        if ((c = ent_citation_folder(dir)) && n < cap)
            out[n++] = c;
    }
    return n;
}
