#!/bin/sh
# report_chn_rus.sh -- the text of `entente report CHN-RUS --with
# allies:USA@2018 --from 2000 --to 2023` on the real panel, pinned: the
# verdict and robustness lines (compare's own), the coverage notes (which
# source ends where, the years without a comparison, the coverage grid's
# counts), the charts' descriptions (medians, positions, the rank
# distribution over 200 draws), and every source with its version, digest,
# coverage and citation.  A change to the numbers or the sources shows here.
[ -f "$DATADB" ] || { echo "no warehouse (data absent)"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed"; exit 77; }
cd "$TMPD" || exit 1
"$ENTENTE" report CHN-RUS --with allies:USA@2018 --from 2000 --to 2023 --draws 200 --seed 1 \
    --db "$DATADB" -o chn_rus.html 2>/dev/null || exit 1
python3 "$ROOT/tests/report/report_text.py" --skip-command chn_rus.html > report_chn_rus.got
cat > report_chn_rus.want <<'END'
CHN-RUS against allies:USA@2018
How consequential is the relationship, 2000–2023? Four dimensions (personal, economic, military, diplomatic) and their composite, from public data.
The answer
In 2018, the latest year of the span with data on all four dimensions
CHN-RUS ranks above 66 of 66 (100%) on the composite; on personal 66 of 66, economic 62 of 66, military 44 of 66, diplomatic 66 of 66.
robustness (200 draws, seed 1): CHN-RUS ranks above the group median in 100% of draws on the composite; on personal 100%, economic 100%, military 58%, diplomatic 100%
missing for CHN-RUS in 2018: trade_total, sum(exports_itpd_1to2,exports_itpd_2to1), max(trade_share_1,trade_share_2), max(arms_share_1to2,arms_share_2to1), mme_joint, shared_igos, sum(ev_verbal_coop,ev_material_coop)
CHN-RUS in 2018 rests on part of its indicators: economic on imf_trade_total, max(imf_trade_share_1,imf_trade_share_2) (2 of 5); military on atop_level, alliance_s, sum(arms_tiv_1to2,arms_tiv_2to1), sum(arms_deliv_1to2,arms_deliv_2to1), max(arms_deliv_share_1to2,arms_deliv_share_2to1) (5 of 7); diplomatic on un_kappa, ideal_point_distance, unsc_joint_vetoes (3 of 4)
In 2023, the last year of the span (no personal, economic data for the subject: the composite is of what is there)
CHN-RUS ranks above 66 of 66 (100%) on the composite (flagged: the subject lacks a dimension); on personal missing, economic missing, military 57 of 66, diplomatic 65 of 65.
robustness (200 draws, seed 1): CHN-RUS ranks above the group median in 100% of draws on the composite; on personal n/a, economic n/a, military 100%, diplomatic 100%
missing for CHN-RUS in 2023: meet_episodes, meet_days, meet_calls, trade_total, sum(exports_itpd_1to2,exports_itpd_2to1), max(trade_share_1,trade_share_2), imf_trade_total, max(imf_trade_share_1,imf_trade_share_2), atop_level, alliance_s, sum(arms_tiv_1to2,arms_tiv_2to1), max(arms_share_1to2,arms_share_2to1), mme_joint, unsc_joint_vetoes, shared_igos, sum(ev_verbal_coop,ev_material_coop)
CHN-RUS in 2023 rests on part of its indicators: military on sum(arms_deliv_1to2,arms_deliv_2to1), max(arms_deliv_share_1to2,arms_deliv_share_2to1) (2 of 7); diplomatic on un_kappa, ideal_point_distance (2 of 4)
Scores are 0-100, normalised among all dyads of each year (percentile); “above” is strictly above, ties do not count. The group is allies:USA@2018.
Over time, 2000–2023
The subject’s score each year against the group’s median and its middle half (25th to 75th percentile, the subject left out). A missing year is a gap, never a zero.
chart: CHN-RUS: the composite score by year
  Line chart, 2000-2023: CHN-RUS's composite score (0-100 among all dyads of each year) against the median and interquartile range of allies:USA@2018. CHN-RUS missing in: none. Group missing in: none. Sources that end in the span: after 2010: mme_exercises (mme_joint); after 2014: cow_trade (trade_total, max(trade_share_1,trade_share_2)), cow_igo (shared_igos); after 2016: itpd_bilateral_trade (sum(exports_itpd_1to2,exports_itpd_2to1)); after 2018: atop_alliance (atop_level), atop_alliance+cow_nmc (alliance_s), sipri_arms_transfers_tiv (sum(arms_tiv_1to2,arms_tiv_2to1), max(arms_share_1to2,arms_share_2to1)); after 2020: imf_dots (imf_trade_total, max(imf_trade_share_1,imf_trade_share_2)); after 2022: unsc_vetoes (unsc_joint_vetoes). Earlier for CHN-RUS: after 2016: sipri_arms_transfers_tiv (max(arms_share_1to2,arms_share_2to1)); after 2018: meet_dyad_year (meet_episodes, meet_days, meet_calls).
The composite: the weighted mean of the dimensions present; an open diamond is a composite that lacks a whole dimension. Sources that end in the span, with the indicators they carry: after 2010: mme_exercises (mme_joint); after 2014: cow_trade (trade_total, max(trade_share_1,trade_share_2)), cow_igo (shared_igos); after 2016: itpd_bilateral_trade (sum(exports_itpd_1to2,exports_itpd_2to1)); after 2018: atop_alliance (atop_level), atop_alliance+cow_nmc (alliance_s), sipri_arms_transfers_tiv (sum(arms_tiv_1to2,arms_tiv_2to1), max(arms_share_1to2,arms_share_2to1)); after 2020: imf_dots (imf_trade_total, max(imf_trade_share_1,imf_trade_share_2)); after 2022: unsc_vetoes (unsc_joint_vetoes). For CHN-RUS the data stop earlier: after 2016: sipri_arms_transfers_tiv (max(arms_share_1to2,arms_share_2to1)); after 2018: meet_dyad_year (meet_episodes, meet_days, meet_calls).
chart: CHN-RUS: personal score
  Line chart, 2000-2023: CHN-RUS's personal score (0-100 among all dyads of each year) against the median and interquartile range of allies:USA@2018. CHN-RUS missing in: 2000-2002, 2019-2023. Group missing in: none. Earlier for CHN-RUS: after 2018: meet_dyad_year (meet_episodes, meet_days, meet_calls).
personal. For CHN-RUS the data stop earlier: after 2018: meet_dyad_year (meet_episodes, meet_days, meet_calls).
chart: CHN-RUS: economic score
  Line chart, 2000-2023: CHN-RUS's economic score (0-100 among all dyads of each year) against the median and interquartile range of allies:USA@2018. CHN-RUS missing in: 2021-2023. Group missing in: 2021-2023. Sources that end in the span: after 2014: cow_trade (trade_total, max(trade_share_1,trade_share_2)); after 2016: itpd_bilateral_trade (sum(exports_itpd_1to2,exports_itpd_2to1)); after 2020: imf_dots (imf_trade_total, max(imf_trade_share_1,imf_trade_share_2)).
economic. Sources that end in the span, with the indicators they carry: after 2014: cow_trade (trade_total, max(trade_share_1,trade_share_2)); after 2016: itpd_bilateral_trade (sum(exports_itpd_1to2,exports_itpd_2to1)); after 2020: imf_dots (imf_trade_total, max(imf_trade_share_1,imf_trade_share_2)).
chart: CHN-RUS: military score
  Line chart, 2000-2023: CHN-RUS's military score (0-100 among all dyads of each year) against the median and interquartile range of allies:USA@2018. CHN-RUS missing in: none. Group missing in: none. Sources that end in the span: after 2010: mme_exercises (mme_joint); after 2018: atop_alliance (atop_level), atop_alliance+cow_nmc (alliance_s), sipri_arms_transfers_tiv (sum(arms_tiv_1to2,arms_tiv_2to1), max(arms_share_1to2,arms_share_2to1)). Earlier for CHN-RUS: after 2016: sipri_arms_transfers_tiv (max(arms_share_1to2,arms_share_2to1)).
military. Sources that end in the span, with the indicators they carry: after 2010: mme_exercises (mme_joint); after 2018: atop_alliance (atop_level), atop_alliance+cow_nmc (alliance_s), sipri_arms_transfers_tiv (sum(arms_tiv_1to2,arms_tiv_2to1), max(arms_share_1to2,arms_share_2to1)). For CHN-RUS the data stop earlier: after 2016: sipri_arms_transfers_tiv (max(arms_share_1to2,arms_share_2to1)).
chart: CHN-RUS: diplomatic score
  Line chart, 2000-2023: CHN-RUS's diplomatic score (0-100 among all dyads of each year) against the median and interquartile range of allies:USA@2018. CHN-RUS missing in: none. Group missing in: none. Sources that end in the span: after 2014: cow_igo (shared_igos); after 2022: unsc_vetoes (unsc_joint_vetoes).
diplomatic. Sources that end in the span, with the indicators they carry: after 2014: cow_igo (shared_igos); after 2022: unsc_vetoes (unsc_joint_vetoes).
The comparison in 2018
Every dyad of the group (67 with the subject), sorted by its score; the dashed line is the group’s median without the subject.
chart: The group in 2018, composite: allies:USA@2018
  Dot chart of the 67 dyads of allies:USA@2018 in 2018 (the subject included) on the composite score (0-100), sorted from highest; 67 have a score. CHN-RUS is at position 1 with 86.2. The group's median (without the subject) is 61.9.
The four dimensions
chart: personal in 2018
  Dot chart of the 67 dyads of allies:USA@2018 in 2018 (the subject included) on the personal score (0-100), sorted from highest; 67 have a score. CHN-RUS is at position 1 with 99.9. The group's median (without the subject) is 41.6.
chart: economic in 2018
  Dot chart of the 67 dyads of allies:USA@2018 in 2018 (the subject included) on the economic score (0-100), sorted from highest; 67 have a score. CHN-RUS is at position 5 with 99.4. The group's median (without the subject) is 97.3.
chart: military in 2018
  Dot chart of the 67 dyads of allies:USA@2018 in 2018 (the subject included) on the military score (0-100), sorted from highest; 67 have a score. CHN-RUS is at position 23 with 74.1. The group's median (without the subject) is 70.3.
chart: diplomatic in 2018
  Dot chart of the 67 dyads of allies:USA@2018 in 2018 (the subject included) on the diplomatic score (0-100), sorted from highest; 67 have a score. CHN-RUS is at position 1 with 71.6. The group's median (without the subject) is 34.0.
Robustness in 2018
The comparison repeated 200 times (seed 1) with indicator and dimension weights drawn around the defaults (Dirichlet, concentration 20), a random normalisation, and one indicator left out of each dimension that has more than one.
chart: CHN-RUS's rank in the group over 200 draws, 2018
  Bar chart: how many of 200 robustness draws (seed 1) gave CHN-RUS each composite rank among the 67 dyads of allies:USA@2018 in 2018 (1 = highest). Rank 1: 165. Rank 2: 11. Rank 3: 14. Rank 4: 1. Rank 5: 5. Rank 6: 2. Rank 7: 1. Rank 8: 1. With the default weights: rank 1.
CHN-RUS ranked first among the 67 dyads in 165 of 200 draws (82%); its median rank was 1st, and 90% of draws put it between 1st and 3rd. With the default weights it is 1st.
robustness (200 draws, seed 1): CHN-RUS ranks above the group median in 100% of draws on the composite; on personal 100%, economic 100%, military 58%, diplomatic 100%
Coverage
Each indicator of the index for CHN-RUS, year by year: a value, a zero (the source covers the year and records nothing: no alliance, no arms, no meeting), or missing (outside the source’s coverage, or not reported). Missing is never counted as zero.
chart: CHN-RUS: which indicators have data, 2000-2023
  Grid of 20 indicators by 24 years for CHN-RUS: 317 cells present, 38 zero, 125 missing (outside the source's coverage or not reported), 0 in years when it was not a dyad.
Method and sources
Normalisation: percentile among all dyads of each year (0-100). A dimension is the weighted mean of its indicators present (weights renormalised); the composite is the weighted mean of the dimensions present. Dimension weights: personal 1, economic 1, military 1, diplomatic 1.
dimension | indicator | weight | source | years with data (any dyad)
personal | meet_episodes | 2 | meet_dyad_year | 2000–2023
personal | meet_days | 1 | meet_dyad_year | 2000–2023
personal | meet_calls | 1 | meet_dyad_year | 2000–2023
economic | trade_total | 1 | cow_trade | 2000–2014
economic | sum(exports_itpd_1to2,exports_itpd_2to1) | 1 | itpd_bilateral_trade | 2000–2016
economic | max(trade_share_1,trade_share_2) | 1 | cow_trade | 2000–2014
economic | imf_trade_total | 1 | imf_dots | 2000–2020
economic | max(imf_trade_share_1,imf_trade_share_2) | 1 | imf_dots | 2000–2020
military | atop_level | 2 | atop_alliance | 2000–2018
military | alliance_s | 1 | atop_alliance+cow_nmc | 2000–2018
military | sum(arms_tiv_1to2,arms_tiv_2to1) | 0.5 | sipri_arms_transfers_tiv | 2000–2018
military | max(arms_share_1to2,arms_share_2to1) | 0.5 | sipri_arms_transfers_tiv | 2000–2018
military | sum(arms_deliv_1to2,arms_deliv_2to1) | 0.5 | sipri_trade_register | 2000–2023
military | max(arms_deliv_share_1to2,arms_deliv_share_2to1) | 0.5 | sipri_trade_register | 2000–2023
military | mme_joint | 1 | mme_exercises | 2000–2010
diplomatic | un_kappa | 1 | unvotes+unga_votes_voeten | 2000–2023
diplomatic | ideal_point_distance (reversed) | 1 | unga_ideal_points | 2000–2023
diplomatic | unsc_joint_vetoes | 1 | unsc_vetoes | 2000–2022
diplomatic | shared_igos | 1 | cow_igo | 2000–2014
diplomatic | sum(ev_verbal_coop,ev_material_coop) | 1 | events | none in 2000–2023
Sources
source | version | years in data | coverage | citation
archigos | loader v1 sha256 871c20dcf6a4 | 1840–2015 | 1840–2015; full to 2015-12-31 (spells still in office are censored there) | Goemans, Gleditsch & Chiozza (2009) Introducing Archigos, JPR 46(2):269-283 (v4.1, via peacesciencer)
atop_alliance | loader v1 sha256 3a0b0f764962 | 1815–2018 | 1815–2018; full | Leeds, Ritter, Mitchell & Long (2002) Alliance Treaty Obligations and Provisions, International Interactions 28:237-60 (ATOP v5.1, via peacesciencer)
china_vitae | loader v2 sha256 7520a8948a0b | 2003–2018 | 2003–2018; partial: Chinese side only (seven officials), 2003-03-23..2018-12-07 | China Vitae (Carnegie Endowment) activity records, via gbwalker/chinese-diplomacy-and-financing leaderdf
cow_alliance | loader v1 sha256 91c600f6f5c0 | 1816–2012 | 1816–2012; full | Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. CQ Press (COW Formal Alliances v4.1, via peacesciencer)
cow_contiguity | loader v1 sha256 4385e91a99d9 | 1816–2016 | 1816–2016; full | Stinnett, Tir, Schafer, Diehl & Gochman (2002) The Correlates of War Project Direct Contiguity Data, Version 3, CMPS 19(2):58-66 (v3.2, via peacesciencer)
cow_diplomatic_exchange_extract | loader v1 sha256 738658247f2b | 1864–2005 | 1817–2005; partial: extract of DE v2006.1 with only the Russia(365)-China(710) rows | Bayer, Resat. 2006. Diplomatic Exchange Data set, v2006.1. Correlates of War Project
cow_igo | loader v1 sha256 64a3a17cf63a | 1816–2014 | 1816–2014; full | Pevehouse, Nordstrom, McManus & Jamison (2020) Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets, JPR 57(3)
cow_mid | loader v1 sha256 c17eca9719cb | 1816–2014 | 1816–2014; full | Palmer et al. (2022) The MID5 Dataset, 2011-2014: Procedures, coding rules, and description, CMPS 39(4) (COW MID v5.0, via peacesciencer)
cow_nmc | loader v1 sha256 456105020021 | 1816–2022 | 1816–2022; full | Singer, Bremer & Stuckey (1972); Singer (1987) Reconstructing the Correlates of War Dataset on Material Capabilities of States, Int. Interactions 14:115-32 (NMC v7.0)
cow_trade | loader v1 sha256 f1ae196a1377 | 1870–2014 | 1870–2014; full | Barbieri, Keshk & Pollins (2009) Trading Data: Evaluating our Assumptions and Coding Rules, CMPS 26(5):471-491 (COW Trade v4.0, via peacesciencer)
democracy_gdp | loader v1 sha256 fe0a54490950 | 1800–2020 | 1816–2020; full (democracy 1816-2020; sdp_gdp 1816-2016, file from 1800) | Coppedge et al. V-Dem; Marshall & Jaggers Polity IV; Pemstein, Meserve & Melton UDS; Anders, Fariss & Markowitz (2020) Bread Before Guns or Butter, ISQ 64(2) (via peacesciencer)
distance | loader v1 sha256 aabc7100329c | 1886–2019 | 1886–2019; full | Schvitz et al. (2022) Mapping the International System, 1886-2019: The CShapes 2.0 Dataset, JCR (minimum distances via peacesciencer)
icews_meetings | loader v2 sha256 5d63363827bc | 2018–2018 | 2018–2018; partial: every dyad, but only the days the files span (the sample: 2018-06-01..02, no whole year) | Boschee et al. ICEWS Coded Event Data, Harvard Dataverse doi:10.7910/DVN/28075
imf_dots | loader v1 sha256 fbcc33d9b9f0 | 1960–2020 | 1960–2020; full | International Monetary Fund, Direction of Trade Statistics (DOTS), data.imf.org (workbooks via SamLeBlanc/Direction-of-Trade-Map, converted to long form)
itpd_bilateral_trade | loader v1 sha256 6502409ddf2f | 2000–2016 | 2000–2016; full | Borchert, Larch, Shikher & Yotov (2021) The International Trade and Production Database for Estimation (ITPD-E), International Economics 166
meet_dyad_year | loader v1 | 1945–2025 | partial: dyad-years with CHN (2003-2018, China Vitae) or USA (State Department years) | derived from china_vitae and state_dept
mme_exercises | loader v1 sha256 901d3d946d77 | 1980–2010 | 1980–2010; full | D'Orazio, V. & Galambos, K. (2021) Multinational Military Exercises, 1980-2010 (v7), Harvard Dataverse, doi:10.7910/DVN/KHFODX (via meflynn/troopdata)
panel | loader v7 | 1816–2024 | 1816–2024; derived: every pair of COW system members, 1816-2024; each indicator NULL outside its source's coverage | entente dyad-year panel (see docs/measures.md)
rivalries | loader v1 sha256 9e5363e60000 |  | 1816–2010; full (Thompson-Dreyer strategic rivalries through 2010; tss to 2020) | Thompson & Dreyer (2012) Handbook of International Rivalries, CQ Press; Thompson, Sakuwa & Suhas (2022); Gibler, Rider & Hutchison (2005) JPR 42(2)
sipri_arms_transfers_tiv | loader v1 sha256 40c8734674be | 1950–2018 | 1950–2018; full | SIPRI Arms Transfers Database, Stockholm International Peace Research Institute (TIV by order year, via dennis-klein/arms-trade-networks)
sipri_trade_register | loader v1 sha256 de974d8302ef | 1995–2024 | 1995–2024; full | SIPRI Arms Transfers Database, Stockholm International Peace Research Institute, https://www.sipri.org/databases/armstransfers (trade register, delivery years 1995-2024, generated 12 Feb 2026)
state_dept | loader v2 sha256 3b624b458484 | 1866–2025 | 1866–2025; partial: US side only; dyad-years counted from 1945 (visits need the sitting president) | US Department of State, Office of the Historian: Travels of the President, Travels of the Secretary of State, Visits by Foreign Leaders (HistoryAtState)
states | loader v1 sha256 e3c5cae0e12e | 1816–2016 | 1816–2016; full (spells open at the v2016 release are treated as ongoing) | Correlates of War Project. 2017. State System Membership List, v2016; Arel-Bundock, Enevoldsen & Yetman (2018) countrycode, JOSS 3(28):848
un_agree | loader v1 | 1946–2023 | 1946–2023; partial: derived from unvotes (sessions 1-74, 1946-2019) and unga_votes_voeten (sessions 75-78, 2020-2023); 2023 = session 78, still open when the file ends (2024-06-04); 2024 (session 79) not in the data | Voeten, Strezhnev & Bailey (2009) United Nations General Assembly Voting Data, Harvard Dataverse hdl:1902.1/12379
unga_ideal_points | loader v1 sha256 60e6db520e70 | 1946–2024 | 1946–2023; full (2024 rows present but idealpointall empty) | Bailey, Strezhnev & Voeten (2017) Estimating Dynamic State Preferences from United Nations Voting Data, JCR 61(2):430-456 (July 2025 release)
unga_votes_voeten | loader v1 sha256 42948eab4ada | 2020–2023 | 2020–2023; partial: sessions 75-78 (years 2020-2023 by session + 1945); session 78 (2023) still open when the file ends (2024-06-04); sessions 1-74 are taken from unvotes and only compared | Voeten, Strezhnev & Bailey (2009-) United Nations General Assembly Voting Data, Harvard Dataverse hdl:1902.1/12379 (release to 2024-06-04, wide form of Pigeon-Effect/Mapping-UNGA-Voting-Alliances)
unsc_vetoes | loader v1 sha256 d6b65d698d8f | 1946–2022 | 1946–2022; full (2022 through September) | Yordan, Carlos L. UN Security Council vetoes 1946-2022, world-politics-datalab/vetoes-un-security-council (from the Dag Hammarskjold Library veto list)
unvotes | loader v2 sha256 ab2c3d931f77 | 1946–2019 | 1946–2019; full: sessions 1-74 (years 1946-2019 by session + 1945) | Voeten, Strezhnev & Bailey (2009) United Nations General Assembly Voting Data, Harvard Dataverse hdl:1902.1/12379; Robinson (2017) unvotes R package
us_troops | loader v1 sha256 875aa5c71250 | 1950–2024 | 1950–2024; partial: the United States as sender only (US personnel by host state) | Allen, Flynn, Machain & Stravers (2022) Beyond the Wire: US Military Deployments and Host Country Public Opinion; Flynn, troopdata R package (DoD DMDC reports; Kane 2004 for early years), https://github.com/meflynn/troopdata
Reproduce this page
entente 0.1.0. The charts are also written as SVG files with --svg DIR.
END
diff -u report_chn_rus.want report_chn_rus.got
