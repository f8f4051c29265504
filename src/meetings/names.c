/*
 * names.c -- the name matcher's tables: aliases and misspellings of people
 * (written by reading the China Vitae and State Department rows), the
 * demonyms and country names that place a title in a state, and the title
 * words that make someone a head of state or government.
 *
 * Comparison is on ent_meet_fold keys, so case, accents, hyphens and periods
 * never matter ("Myung-bak LEE" = "myung bak lee").  Name order does not
 * matter either for table look-ups: the key is the folded tokens sorted
 * ("Lee Hsien Loong" = "Hsien Loong Lee").
 */
#include "meetings.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- aliases */

/* COW codes used below. */
enum {
    USA = 2, CAN = 20, CUB = 40, MEX = 70, BRA = 140, ARG = 160, ECU = 130, VEN = 101,
    UKG = 200, FRN = 220, SPN = 230, GMY = 255, POL = 290, AUS = 305, CZR = 316, SLO = 317,
    ITA = 325, ROM = 360, RUS = 365, UKR = 369, BLR = 370, DEN = 390, BUL = 355,
    MLI = 432, SEN = 433, GAB = 481, CON = 484, DRC = 490, SUD = 625, EGY = 651, IRN = 630,
    ERI = 531, SAF = 560, TUR = 640, IRQ = 645, TKM = 701, TAJ = 702, KYR = 703, UZB = 704,
    KZK = 705, CHN = 710, MON = 712, PRK = 731, ROK = 732, JPN = 740, IND = 750,
    PAK = 770, MYA = 775, SRI = 780, THI = 800, CAM = 811, LAO = 812, DRV = 816,
    MAL = 820, SIN = 830, INS = 850, PHI = 840, AUL = 900, PNG = 910, NEW = 920
};

/* variant, canonical, ccode, scan.  Rows with scan = 1 are distinctive
 * enough to be found inside a headline ("Xi, Putin discuss ties on phone").
 * ccode 0: the title gives the state.  Chinese officials are listed so that a
 * headline about them does not name them as their own counterpart. */
static const ent_meet_alias aliases[] = {
    /* Russia */
    {"Vladimir Putin", "Vladimir Putin", RUS, 1},
    {"Vladmir Putin", "Vladimir Putin", RUS, 1},     /* misspelt, 2013-03-27 Durban */
    {"Putin", "Vladimir Putin", RUS, 1},
    {"Vladimir V. Putin", "Vladimir Putin", RUS, 0},
    {"Dmitry Medvedev", "Dmitry Medvedev", RUS, 1},
    {"Dmitri Medvedev", "Dmitry Medvedev", RUS, 1},
    {"Dimitri Medvedev", "Dmitry Medvedev", RUS, 1},
    {"Dimitry Medvedev", "Dmitry Medvedev", RUS, 1},
    {"Dmitriy Medvedev", "Dmitry Medvedev", RUS, 1},
    {"Dimitry A. Medvedev", "Dmitry Medvedev", RUS, 0},
    {"Medvedev", "Dmitry Medvedev", RUS, 1},
    /* United States */
    {"Barack Obama", "Barack Obama", USA, 1},
    {"Barak Obama", "Barack Obama", USA, 1},
    {"Obama", "Barack Obama", USA, 1},
    {"Donald Trump", "Donald Trump", USA, 1},
    {"Donald J. Trump", "Donald Trump", USA, 1},
    {"Trump", "Donald Trump", USA, 1},
    {"George W. Bush", "George W. Bush", USA, 1},
    {"Joseph R. Biden", "Joe Biden", USA, 1},
    {"Joe Biden", "Joe Biden", USA, 1},
    /* Europe */
    {"Angela Merkel", "Angela Merkel", GMY, 1},
    {"Merkel", "Angela Merkel", GMY, 1},
    {"Francois Hollande", "Francois Hollande", FRN, 1},
    {"Hollande", "Francois Hollande", FRN, 1},
    {"Nicolas Sarkozy", "Nicolas Sarkozy", FRN, 1},
    {"Nicholas Sarkozy", "Nicolas Sarkozy", FRN, 1},
    {"Jacques Chirac", "Jacques Chirac", FRN, 1},
    {"Emmanuel Macron", "Emmanuel Macron", FRN, 1},
    {"Gordon Brown", "Gordon Brown", UKG, 1},
    {"Tony Blair", "Tony Blair", UKG, 1},
    {"David Cameron", "David Cameron", UKG, 1},
    {"Theresa May", "Theresa May", UKG, 1},
    {"Juan Carlos", "Juan Carlos I", SPN, 0},
    {"Juan Carlos I", "Juan Carlos I", SPN, 0},
    {"Mariao Monti", "Mario Monti", ITA, 0},
    {"Traian Bbasescu", "Traian Basescu", ROM, 0},
    {"Ivan Gashparovic", "Ivan Gasparovic", SLO, 0},
    {"Boiko Borisov", "Boyko Borissov", BUL, 0},
    {"Lars Loekke Rasmussen", "Lars Lokke Rasmussen", DEN, 0},
    {"Viktor Yanukovich", "Viktor Yanukovych", UKR, 0},
    {"Alexander Lukashenko", "Alexander Lukashenko", BLR, 1},
    {"Lukashenko", "Alexander Lukashenko", BLR, 1},
    /* Americas */
    {"Michel Teme", "Michel Temer", BRA, 0},          /* misspelt, 2018-06-27 */
    {"Luis Inacio da Silva Lula", "Luiz Inacio Lula da Silva", BRA, 0},
    {"Luiz Inacio da Silva Lula", "Luiz Inacio Lula da Silva", BRA, 0},
    {"Christina Fernandez", "Cristina Fernandez", ARG, 0},
    {"Fafael Correa", "Rafael Correa", ECU, 0},
    /* Asia */
    {"Shinzo Abe", "Shinzo Abe", JPN, 1},
    {"Narendra Modi", "Narendra Modi", IND, 1},
    {"Modi", "Narendra Modi", IND, 1},
    {"Manmohan Singh", "Manmohan Singh", IND, 1},
    {"Park Geun-hye", "Park Geun-hye", ROK, 1},
    {"Lee Myung-bak", "Lee Myung-bak", ROK, 1},
    {"Roh Moo-hyun", "Roh Moo-hyun", ROK, 1},
    {"Moon Jae-in", "Moon Jae-in", ROK, 1},
    {"Kim Jong-il", "Kim Jong-il", PRK, 1},
    {"Jong Il Kim", "Kim Jong-il", PRK, 0},
    {"Kim Jong Un", "Kim Jong-un", PRK, 1},
    {"Kim Jong-un", "Kim Jong-un", PRK, 1},
    {"Lee Hsien Loong", "Lee Hsien Loong", SIN, 0},
    {"Samdech Techo Hun Se", "Hun Sen", CAM, 0},
    {"Samdech Techo Hun Sen", "Hun Sen", CAM, 0},
    {"Hun Sen", "Hun Sen", CAM, 0},
    {"Choummaly Saygnasone", "Choummaly Sayasone", LAO, 0},
    {"Prayut Chan-o-cha", "Prayuth Chan-ocha", THI, 0},
    {"Mahinda Rajapakse", "Mahinda Rajapaksa", SRI, 0},
    {"Susilo Bambang Yudhoyo", "Susilo Bambang Yudhoyono", INS, 0},
    {"Gloria Macapaga Arroyo", "Gloria Macapagal Arroyo", PHI, 0},
    {"Yousuf Raza Gillani", "Yousuf Raza Gilani", PAK, 0},
    {"S. R. Nathan", "S.R. Nathan", SIN, 0},
    {"Sein Thein", "Thein Sein", MYA, 0},
    {"Sein U Thein", "Thein Sein", MYA, 0},
    {"U Thein Sein", "Thein Sein", MYA, 0},
    {"Thein Sein", "Thein Sein", MYA, 0},
    {"Michael T. Somare", "Michael Somare", PNG, 0},
    {"Tsakhia Elbegdorj", "Tsakhiagiin Elbegdorj", MON, 0},
    {"Elbegdorj Tsakhia", "Tsakhiagiin Elbegdorj", MON, 0},
    /* Central Asia, Middle East, Africa */
    {"Nursultan Nazarbayev", "Nursultan Nazarbayev", KZK, 1},
    {"Nazarbayev", "Nursultan Nazarbayev", KZK, 1},
    {"Emomali Rakhmon", "Emomali Rahmon", TAJ, 0},
    {"Emomali Rakhmonov", "Emomali Rahmon", TAJ, 0},
    {"Almazbek Atambaev", "Almazbek Atambayev", KYR, 0},
    {"Kurmanbek Bakiev", "Kurmanbek Bakiyev", KYR, 0},
    {"Shavkat Mirziyaev", "Shavkat Mirziyoyev", UZB, 0},
    {"Saparmurad Niyazov", "Saparmurat Niyazov", TKM, 0},
    {"Mahmud Ahmadinejad", "Mahmoud Ahmadinejad", IRN, 0},
    {"Hassan Rouhani", "Hassan Rouhani", IRN, 1},
    {"Rouhani", "Hassan Rouhani", IRN, 1},
    {"Mohamed Morsy", "Mohamed Morsi", EGY, 0},
    {"Abdel-Fattah al-Sisi", "Abdel Fattah al-Sisi", EGY, 0},
    {"Sisi", "Abdel Fattah al-Sisi", EGY, 1},
    {"Nuri al-Maliki", "Nouri al-Maliki", IRQ, 0},
    {"Omar el-Bashir", "Omar al-Bashir", SUD, 0},
    {"Omer al- Bashir", "Omar al-Bashir", SUD, 0},
    {"Omar Hassan Ahmed al-Bashir", "Omar al-Bashir", SUD, 0},
    {"Omar Hassan Ahmed El-Bashir", "Omar al-Bashir", SUD, 0},
    {"Omer Hassan Ahmed Al-Bashir", "Omar al-Bashir", SUD, 0},
    {"Recep Tayyip Erdogan", "Recep Tayyip Erdogan", TUR, 1},
    {"Erdogan", "Recep Tayyip Erdogan", TUR, 1},
    {"Machy Sall", "Macky Sall", SEN, 0},
    {"Josef Kabila", "Joseph Kabila", DRC, 0},
    {"Amadou Toumany Toure", "Amadou Toumani Toure", MLI, 0},
    {"El Habj Omar Bongo Ondimba", "El Hadj Omar Bongo Ondimba", GAB, 0},
    {"Denis Sassou-N'guesso", "Denis Sassou Nguesso", CON, 0},
    {"Isaias Afwerki", "Isaias Afewerki", ERI, 0},
    {"Jacob Zuma", "Jacob Zuma", SAF, 1},
    {"Cyril Ramaphosa", "Cyril Ramaphosa", SAF, 1},
    /* Oceania */
    {"Malcolm Turnbull", "Malcolm Turnbull", AUL, 1},
    {"John Key", "John Key", NEW, 0},
    /* Chinese officials: never a counterpart of one another */
    {"Xi Jinping", "Xi Jinping", CHN, 1},
    {"Xi", "Xi Jinping", CHN, 1},
    {"Hu Jintao", "Hu Jintao", CHN, 1},
    {"Hu", "Hu Jintao", CHN, 1},
    {"Wen Jiabao", "Wen Jiabao", CHN, 1},
    {"Li Keqiang", "Li Keqiang", CHN, 1},
    {"Le keqiang", "Li Keqiang", CHN, 1},
    {"Wang Yi", "Wang Yi", CHN, 1},
    {"Yang Jiechi", "Yang Jiechi", CHN, 1},
    {"Li Zhaoxing", "Li Zhaoxing", CHN, 1},
};
#define NALIAS (sizeof aliases / sizeof aliases[0])

const ent_meet_alias *ent_meet_aliases(size_t *n)
{
    *n = NALIAS;
    return aliases;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* order_key folds s and sorts its tokens: "Lee Myung-bak" -> "bak lee myung". */
static void order_key(const char *s, char *out, size_t cap)
{
    char f[ENT_MEET_NAMEMAX * 2];
    char *tok[32];
    size_t nt = 0, n = 0;
    char *p;

    ent_meet_fold(s, f, sizeof f);
    for (p = f; *p && nt < 32;) {
        tok[nt++] = p;
        while (*p && *p != ' ')
            p++;
        if (*p)
            *p++ = '\0';
    }
    qsort(tok, nt, sizeof tok[0], cmp_str);
    out[0] = '\0';
    for (size_t i = 0; i < nt; i++) {
        size_t l = strlen(tok[i]);
        if (n + l + 2 > cap)
            break;
        if (n)
            out[n++] = ' ';
        memcpy(out + n, tok[i], l);
        n += l;
        out[n] = '\0';
    }
}

const ent_meet_alias *ent_meet_canon(const char *name)
{
    char k[ENT_MEET_NAMEMAX * 2], v[ENT_MEET_NAMEMAX * 2];
    order_key(name, k, sizeof k);
    if (!k[0])
        return NULL;
    for (size_t i = 0; i < NALIAS; i++) {
        order_key(aliases[i].variant, v, sizeof v);
        if (!strcmp(k, v))
            return &aliases[i];
    }
    return NULL;
}

/* ---------------------------------------------------------------- roles */

const char *ent_meet_role_name(int role)
{
    switch (role) {
    case ENT_ROLE_HEAD: return "head";
    case ENT_ROLE_OFFICIAL: return "official";
    default: return "unknown";
    }
}

/* has_word: folded haystack h contains the folded phrase w on word bounds. */
static const char *has_word(const char *h, const char *w)
{
    size_t l = strlen(w);
    for (const char *p = strstr(h, w); p; p = strstr(p + 1, w)) {
        if ((p == h || p[-1] == ' ') && (p[l] == '\0' || p[l] == ' '))
            return p;
    }
    return NULL;
}

int ent_meet_title_role(const char *title)
{
    /* Words that make a title something other than the head itself. */
    static const char *const not_head[] = {
        "vice", "deputy", "former", "acting prime", "first lady", "wife", "husband",
        "mother", "son", "daughter", "elect", "candidate", "envoy", "advisor", "adviser",
        "assistant", "chief of staff", "speaker", "governor", "mayor",
        "chairman of the", "chairperson of", "president of the senate",
        "president of the national assembly", "president of the european",
        "president of the world", "president of the international", "president of the asian",
        "president of the african", "bank", "commission", "council president",
        "parliament", "party", "senate", "assembly", "congress", "federation council",
        "duma", "committee", "association", "university", "company", "group", "corporation",
        "foundation", "olympic", "fifa", "court", "exchequer", "crown prince", "princess",
        "secretary", "foreign", "defense", "defence", "finance",
    };
    /* Head-of-state or head-of-government words. */
    static const char *const head[] = {
        "president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
        "amir", "sultan", "grand duke", "prince of monaco", "taoiseach", "state counsellor",
        "chairman of the presidium", "head of state", "supreme leader", "yang di pertuan agong",
        "malaysian supreme head", "governor general", "co prince", "emperor", "empress",
        "shah", "pope", "grand duchess",
    };
    char f[ENT_MEET_TITLEMAX * 2];
    ent_meet_fold(title, f, sizeof f);
    if (!f[0])
        return ENT_ROLE_UNKNOWN;
    if (has_word(f, "governor general"))
        return ENT_ROLE_HEAD; /* representative of the head of state */
    if (has_word(f, "state counsellor") && !has_word(f, "foreign"))
        return ENT_ROLE_HEAD; /* Myanmar, 2016- */
    for (size_t i = 0; i < sizeof not_head / sizeof not_head[0]; i++)
        if (has_word(f, not_head[i]))
            return ENT_ROLE_OFFICIAL;
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        if (has_word(f, head[i]))
            return ENT_ROLE_HEAD;
    return ENT_ROLE_OFFICIAL;
}

/* ------------------------------------------------------ states by words */

typedef struct word_state {
    const char *w; /* folded phrase */
    int ccode;     /* COW; -1 = a known non-state */
} word_state;

/* Demonyms and country names, folded.  Written from the titles, country
 * columns and places in the China Vitae and State Department files. */
static const word_state words[] = {
    {"united states", 2}, {"united states of america", 2}, {"us", 2}, {"usa", 2},
    {"american", 2}, {"america", 2},
    {"canada", 20}, {"canadian", 20}, {"bahamas", 31}, {"bahamian", 31}, {"cuba", 40},
    {"cuban", 40}, {"cubas", 40}, {"haiti", 41}, {"haitian", 41}, {"dominican republic", 42},
    {"jamaica", 51}, {"jamaican", 51}, {"trinidad and tobago", 52}, {"trinidad", 52},
    {"barbados", 53}, {"barbadian", 53}, {"dominica", 54}, {"commonwealth of dominica", 54},
    {"grenada", 55}, {"grenadian", 55}, {"antigua", 58}, {"antigua and barbuda", 58},
    {"mexico", 70}, {"mexican", 70}, {"belize", 80}, {"guatemala", 90}, {"guatemalan", 90},
    {"honduras", 91}, {"el salvador", 92}, {"salvadoran", 92}, {"nicaragua", 93},
    {"costa rica", 94}, {"costa rican", 94}, {"panama", 95}, {"panamanian", 95},
    {"colombia", 100}, {"colombian", 100}, {"venezuela", 101}, {"venezuelan", 101},
    {"guyana", 110}, {"guyanese", 110}, {"suriname", 115}, {"surinam", 115},
    {"surinamese", 115}, {"ecuador", 130}, {"ecuadorian", 130}, {"peru", 135},
    {"peruvian", 135}, {"brazil", 140}, {"brazilian", 140}, {"bolivia", 145},
    {"bolivian", 145}, {"paraguay", 150}, {"chile", 155}, {"chilean", 155},
    {"argentina", 160}, {"argentine", 160}, {"argentinian", 160}, {"uruguay", 165},
    {"uruguayan", 165},
    {"united kingdom", 200}, {"uk", 200}, {"britain", 200}, {"great britain", 200},
    {"british", 200}, {"england", 200}, {"english", 200}, {"wales", 200}, {"scotland", 200},
    {"ireland", 205}, {"irish", 205}, {"netherlands", 210}, {"dutch", 210},
    {"belgium", 211}, {"belgian", 211}, {"luxembourg", 212}, {"france", 220},
    {"french", 220}, {"monaco", 221}, {"liechtenstein", 223}, {"switzerland", 225},
    {"swiss", 225}, {"swiss confederation", 225}, {"spain", 230}, {"spanish", 230},
    {"andorra", 232}, {"portugal", 235}, {"portuguese", 235}, {"germany", 255},
    {"german", 255}, {"poland", 290}, {"polish", 290}, {"austria", 305},
    {"austrian", 305}, {"hungary", 310}, {"hungarian", 310}, {"czech republic", 316},
    {"czech", 316}, {"slovakia", 317}, {"slovak", 317}, {"italy", 325}, {"italian", 325},
    {"san marino", 331}, {"malta", 338}, {"maltese", 338}, {"albania", 339},
    {"albanian", 339}, {"montenegro", 341}, {"macedonia", 343}, {"macedonian", 343},
    {"croatia", 344}, {"croatian", 344}, {"serbia", 345}, {"serbian", 345},
    {"serbia and montenegro", 345}, {"serbia montenegro", 345}, {"yugoslavia", 345},
    {"bosnia and herzegovina", 346}, {"bosnia herzegovina", 346}, {"bosnia", 346},
    {"kosovo", 347}, {"slovenia", 349}, {"slovenian", 349}, {"greece", 350},
    {"greek", 350}, {"cyprus", 352}, {"cypriot", 352}, {"bulgaria", 355},
    {"bulgarian", 355}, {"moldova", 359}, {"moldovan", 359}, {"romania", 360},
    {"romanian", 360}, {"russia", 365}, {"russian", 365}, {"russian federation", 365},
    {"estonia", 366}, {"estonian", 366}, {"latvia", 367}, {"latvian", 367},
    {"lithuania", 368}, {"lithuanian", 368}, {"ukraine", 369}, {"the ukraine", 369},
    {"ukrainian", 369}, {"belarus", 370}, {"belarusian", 370}, {"armenia", 371},
    {"armenian", 371}, {"georgia", 372}, {"georgian", 372}, {"azerbaijan", 373},
    {"azerbaijani", 373}, {"finland", 375}, {"finnish", 375}, {"sweden", 380},
    {"swedish", 380}, {"norway", 385}, {"norwegian", 385}, {"denmark", 390},
    {"danish", 390}, {"iceland", 395}, {"icelandic", 395},
    {"cape verde", 402}, {"cabo verde", 402}, {"cape verdean", 402},
    {"sao tome and principe", 403}, {"guinea bissau", 404}, {"equatorial guinea", 411},
    {"gambia", 420}, {"gambian", 420}, {"mali", 432}, {"malian", 432}, {"senegal", 433},
    {"senegalese", 433}, {"benin", 434}, {"beninese", 434}, {"mauritania", 435},
    {"mauritanian", 435}, {"niger", 436}, {"nigerien", 436}, {"cote d ivoire", 437},
    {"cote divoire", 437}, {"ivory coast", 437}, {"guinea", 438}, {"guinean", 438},
    {"burkina faso", 439}, {"liberia", 450}, {"liberian", 450}, {"sierra leone", 451},
    {"sierra leonean", 451}, {"ghana", 452}, {"ghanaian", 452}, {"togo", 461},
    {"togolese", 461}, {"cameroon", 471}, {"cameroonian", 471}, {"nigeria", 475},
    {"nigerian", 475}, {"gabon", 481}, {"gabonese", 481}, {"central african republic", 482},
    {"central african", 482}, {"chad", 483}, {"chadian", 483}, {"congo", 484},
    {"republic of the congo", 484}, {"republic of congo", 484}, {"congolese", 484},
    {"democratic republic of the congo", 490}, {"democratic republic of congo", 490},
    {"drc", 490}, {"uganda", 500}, {"ugandan", 500}, {"kenya", 501}, {"kenyan", 501},
    {"tanzania", 510}, {"tanzanian", 510}, {"burundi", 516}, {"burundian", 516},
    {"rwanda", 517}, {"rwandan", 517}, {"somalia", 520}, {"somali", 520},
    {"djibouti", 522}, {"ethiopia", 530}, {"ethiopian", 530}, {"eritrea", 531},
    {"eritrean", 531}, {"angola", 540}, {"angolan", 540}, {"mozambique", 541},
    {"mozambican", 541}, {"zambia", 551}, {"zambian", 551}, {"zimbabwe", 552},
    {"zimbabwean", 552}, {"malawi", 553}, {"malawian", 553}, {"south africa", 560},
    {"south african", 560}, {"namibia", 565}, {"namibian", 565}, {"lesotho", 570},
    {"botswana", 571}, {"swaziland", 572}, {"madagascar", 580}, {"malagasy", 580},
    {"comoros", 581}, {"comoran", 581}, {"mauritius", 590}, {"mauritian", 590},
    {"seychelles", 591}, {"seychellois", 591}, {"morocco", 600}, {"moroccan", 600}, {"algeria", 615},
    {"algerian", 615}, {"tunisia", 616}, {"tunisian", 616}, {"libya", 620},
    {"libyan", 620}, {"sudan", 625}, {"sudanese", 625}, {"south sudan", 626},
    {"south sudanese", 626}, {"iran", 630}, {"iranian", 630}, {"turkey", 640},
    {"turkish", 640}, {"iraq", 645}, {"iraqi", 645}, {"egypt", 651}, {"egyptian", 651},
    {"syria", 652}, {"syrian", 652}, {"lebanon", 660}, {"lebanese", 660},
    {"jordan", 663}, {"jordanian", 663}, {"israel", 666}, {"israeli", 666},
    {"saudi arabia", 670}, {"saudi", 670}, {"saudi arabian", 670}, {"yemen", 679},
    {"yemeni", 679}, {"kuwait", 690}, {"kuwaiti", 690}, {"bahrain", 692},
    {"bahraini", 692}, {"qatar", 694}, {"qatari", 694}, {"united arab emirates", 696},
    {"uae", 696}, {"oman", 698}, {"omani", 698}, {"afghanistan", 700}, {"afghan", 700},
    {"turkmenistan", 701}, {"turkmen", 701}, {"tajikistan", 702}, {"tajik", 702},
    {"kyrgyzstan", 703}, {"kyrgyz", 703}, {"uzbekistan", 704}, {"uzbek", 704},
    {"kazakhstan", 705}, {"kazakh", 705}, {"kazak", 705}, {"china", 710},
    {"chinese", 710}, {"mongolia", 712}, {"mongolian", 712}, {"taiwan", 713},
    {"north korea", 731}, {"dprk", 731}, {"democratic people s republic of korea", 731},
    {"democratic peoples republic of korea", 731}, {"korea north", 731},
    {"south korea", 732}, {"south korean", 732}, {"rok", 732}, {"republic of korea", 732},
    {"korea republic of", 732}, {"korea south", 732}, {"s korean", 732},
    {"japan", 740}, {"japanese", 740}, {"india", 750}, {"indian", 750}, {"bhutan", 760},
    {"bhutanese", 760}, {"pakistan", 770}, {"pakistani", 770}, {"pakistans", 770},
    {"bangladesh", 771}, {"bangladeshi", 771}, {"myanmar", 775}, {"myanmars", 775},
    {"burma", 775}, {"sri lanka", 780}, {"sri lankan", 780}, {"maldives", 781},
    {"maldivian", 781}, {"nepal", 790}, {"nepalese", 790}, {"nepali", 790},
    {"thailand", 800}, {"thai", 800}, {"cambodia", 811}, {"cambodian", 811},
    {"laos", 812}, {"lao", 812}, {"laotian", 812}, {"vietnam", 816}, {"viet nam", 816},
    {"vietnamese", 816}, {"malaysia", 820}, {"malaysian", 820}, {"singapore", 830},
    {"singaporean", 830}, {"brunei", 835}, {"bruneian", 835}, {"brunei darussalam", 835},
    {"philippines", 840}, {"philippine", 840}, {"filipino", 840}, {"indonesia", 850},
    {"indonesian", 850}, {"east timor", 860}, {"timor leste", 860},
    {"australia", 900}, {"australian", 900}, {"papua new guinea", 910},
    {"new zealand", 920}, {"vanuatu", 935}, {"solomon islands", 940}, {"kiribati", 946},
    {"tuvalu", 947}, {"fiji", 950}, {"fijian", 950}, {"tonga", 955}, {"tongan", 955},
    {"nauru", 970}, {"marshall islands", 983}, {"palau", 986}, {"micronesia", 987},
    {"federated states of micronesia", 987}, {"samoa", 990}, {"samoan", 990},
    /* Older and official names used by the State Department. */
    {"germany federal republic of", 260}, {"federal republic of germany", 260},
    {"west germany", 260}, {"ussr", 365}, {"soviet union", 365}, {"byelorussia", 370},
    {"kirghizia", 703}, {"kyrgyz republic", 703}, {"slovak republic", 317},
    {"czechia", 316}, {"czechoslovakia", 315}, {"ceylon", 780}, {"siam", 800},
    {"dahomey", 434}, {"upper volta", 439}, {"the gambia", 420}, {"turkiye", 640},
    {"eswatini", 572}, {"north macedonia", 343}, {"malaya", 820}, {"somali republic", 520},
    {"western samoa", 990}, {"st kitts and nevis", 60}, {"st christopher and nevis", 60},
    {"saint lucia", 56}, {"st lucia", 56}, {"st vincent and the grenadines", 57},
    {"tanganyika", 510}, {"khmer republic", 811}, {"muscat oman", 698},
    {"union of south africa", 560}, {"timor leste", 860}, {"republic of china", 713},
    {"china republic of", 713}, {"congo democratic republic of", 490},
    {"congo republic of", 484}, {"micronesia federated states of", 987},
    {"macedonia former yugoslav republic of", 343},
    /* Known non-states: never a COW code, never an error. */
    {"european union", -1}, {"eu", -1}, {"european commission", -1}, {"hong kong", -1},
    {"macao", -1}, {"macau", -1}, {"cook islands", -1}, {"palestine", -1},
    {"palestinian", -1}, {"united nations", -1}, {"un", -1}, {"nato", -1},
    {"asean", -1}, {"african union", -1}, {"arab league", -1},
};
#define NWORDS (sizeof words / sizeof words[0])

int ent_meet_title_state(const char *title)
{
    char f[ENT_MEET_TITLEMAX * 2];
    size_t best = 0;
    int code = 0;

    ent_meet_fold(title, f, sizeof f);
    for (size_t i = 0; i < NWORDS; i++) {
        size_t l = strlen(words[i].w);
        if (l > best && has_word(f, words[i].w)) {
            best = l;
            code = words[i].ccode;
        }
    }
    return code > 0 ? code : 0;
}

int ent_meet_country_state(const char *country)
{
    char f[ENT_MEET_PLACEMAX * 2];
    ent_meet_fold(country, f, sizeof f);
    for (size_t i = 0; i < NWORDS; i++)
        if (!strcmp(f, words[i].w))
            return words[i].ccode;
    if (!strcmp(f, "korea republic of") || !strcmp(f, "china peoples republic of"))
        return !strcmp(f, "korea republic of") ? 732 : 710;
    return 0;
}

int ent_meet_home_place(const char *place)
{
    static const char *const home[] = {
        "municipality", "province", "autonomous region", "hong kong", "macao", "macau",
        "special administrative region",
    };
    char f[ENT_MEET_PLACEMAX * 2], first[ENT_MEET_PLACEMAX];
    size_t n = strcspn(place, ",");
    if (n >= sizeof first)
        n = sizeof first - 1;
    memcpy(first, place, n);
    first[n] = '\0';
    ent_meet_fold(first, f, sizeof f);
    if (!f[0])
        return 0;
    for (size_t i = 0; i < sizeof home / sizeof home[0]; i++)
        if (has_word(f, home[i]))
            return 1;
    return !strcmp(f, "china");
}
