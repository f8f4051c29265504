/*
 * cli.h -- the command-line front end: the verb table and the helpers every
 * verb shares.  Verbs hold no logic the library lacks; they parse options,
 * call libentente and print.
 *
 * Exit status: 0 success, 1 an error in the data or the request (message on
 * stderr), 2 a usage error.
 */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include "entente.h"
#include "entente/agree.h"
#include "entente/query.h"
#include "entente/result.h"

#if defined(__GNUC__)
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CLI_PRINTF(a, b)
#endif

typedef struct ent_verb {
    const char *name;
    const char *summary; /* one line for `entente --help` */
    const char *usage;   /* full text for `entente VERB --help` */
    int (*run)(int argc, char **argv);
} ent_verb;

/* Every cmd_*.c defines one of these. */
extern const ent_verb ent_verb_build, ent_verb_states, ent_verb_sources;
extern const ent_verb ent_verb_agree, ent_verb_similarity;
extern const ent_verb ent_verb_meetings;
extern const ent_verb ent_verb_dyad, ent_verb_panel, ent_verb_codebook;
extern const ent_verb ent_verb_compare, ent_verb_rank, ent_verb_trend;
extern const ent_verb ent_verb_events;
extern const ent_verb ent_verb_fetch;
extern const ent_verb ent_verb_report;
extern const ent_verb ent_verb_idealpoints;

/* cli_fail prints "entente: VERB: message" and returns 1. */
int cli_fail(const char *verb, const char *fmt, ...) CLI_PRINTF(2, 3);
/* cli_status prints ctx's message for a failed status and returns 1. */
int cli_status(const char *verb, ent_ctx *ctx, ent_status st);
/* cli_usage prints the verb's usage to stderr and returns 2. */
int cli_usage(const ent_verb *v);
/* cli_bad reports a usage error in one line, "entente: VERB: reason", then
 * "try 'entente VERB --help'", and returns 2.  Prefer it to cli_usage: say
 * what is wrong. */
int cli_bad(const ent_verb *v, const char *fmt, ...) CLI_PRINTF(2, 3);
/* cli_optbad reports what getopt_long refused (it returned c: ':' for an
 * option missing its value when the option string starts with ':', '?' for
 * an unknown option) through cli_bad, and returns 2.  A verb using it sets
 * opterr = 0 before parsing so that getopt prints nothing itself. */
int cli_optbad(const ent_verb *v, int c, char **argv);
/* cli_help prints the verb's usage to stdout and returns 0. */
int cli_help(const ent_verb *v);
/* cli_db_path returns --db's value or "entente.db". */
const char *cli_default_db(void);
/* cli_data_dir returns $ENTENTE_DATA or "../shared/data". */
const char *cli_default_data(void);
/* cli_open_db opens the warehouse read-only-ish with a clear error when it is
 * missing ("run `entente build` first"). */
int cli_open_db(const char *verb, ent_ctx *ctx, const char *path, ent_db **db);
/* cli_int parses an integer option; returns 0 and prints an error when bad. */
int cli_int(const char *verb, const char *opt, const char *s, int *v);
/* cli_parse_int is cli_int without the message (for a cli_bad line). */
int cli_parse_int(const char *s, int *v);
/* cli_format_ok is 1 when s names an output format: table, csv or json. */
int cli_format_ok(const char *s);
/* cli_print writes r through the shared formatter (ent_result_print): its
 * warnings (coverage notes) to stderr as "entente: VERB: ...", then the rows
 * as format (NULL: table) to path (NULL: stdout), and footer (NULL: none)
 * after a table's notes.  Frees r.  Returns 0, or 1 with the message. */
int cli_print(const char *verb, ent_ctx *ctx, ent_result *r, const char *format,
              const char *path, const char *footer);
/* cli_now is a monotonic clock in seconds (for "ready in T s"). */
double cli_now(void);

#endif
