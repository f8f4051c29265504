# entente.R -- the R interface to libentente.  Every function returns a base
# data.frame: typed columns, no row names, NA for missing (never 0).  The
# notes that go with the rows (verdict, robustness, missing indicators,
# coverage warnings) are the "notes" attribute, a character vector named by
# kind.  Errors are conditions of class "entente_error".

.ent <- new.env(parent = emptyenv())

.ent_check <- function(x) {
  if (inherits(x, "entente_error"))
    stop(errorCondition(as.vector(x), class = "entente_error", call = sys.call(-1)))
  x
}

.ent_db <- function(db) {
  if (inherits(db, "entente_warehouse")) return(db$ptr)
  if (!is.null(db)) return(ent_open(db)$ptr)
  if (is.null(.ent$default)) ent_open()
  .ent$default$ptr
}

#' Open an entente warehouse
#'
#' @param db path of a warehouse made by `entente build` (default
#'   `$ENTENTE_DB` or `entente.db`).
#' @return a warehouse handle, also made the default of the other functions.
ent_open <- function(db = Sys.getenv("ENTENTE_DB", "entente.db")) {
  ptr <- .ent_check(.Call(C_open, path.expand(db)))
  w <- structure(list(ptr = ptr, path = db), class = "entente_warehouse")
  .ent$default <- w
  invisible(w)
}

#' Close a warehouse handle
#' @param w a handle from ent_open().
ent_close <- function(w = .ent$default) {
  if (!is.null(w)) .Call(C_close, w$ptr)
  if (identical(w, .ent$default)) .ent$default <- NULL
  invisible(NULL)
}

print.entente_warehouse <- function(x, ...) {
  cat("<entente warehouse ", x$path, ">\n", sep = "")
  invisible(x)
}

#' The panel's codebook
#'
#' @param dimension NULL for all, or one of personal, economic, military,
#'   diplomatic, context.
#' @return a data.frame: indicator, dimension, unit, directed, source,
#'   coverage, absent, definition.
ent_codebook <- function(dimension = NULL) {
  .ent_check(.Call(C_codebook, dimension))
}

.ent_notes <- function(df, kind) {
  n <- attr(df, "notes")
  unname(n[names(n) == kind])
}

#' Compare a dyad with a group (the claim tester)
#'
#' @param pair the subject dyad, "CHN-RUS".
#' @param with the group: "allies:USA@2018", "partners:JPN", "all", or
#'   "USA-GBR,USA-JPN".
#' @param year one year (NULL: the latest year with all four dimensions).
#' @param from,to a span of years instead of one.
#' @param draws,seed robustness draws per year and their seed.
#' @param config,normalize an index config file, and percentile, zlog or minmax.
#' @param db a warehouse handle or path (NULL: the one ent_open() made).
#' @return a data.frame of the subject and the group's dyads per year, with
#'   attributes "verdict", "robustness" and "missing" (one element per year)
#'   and "notes" (every note, named by kind).
ent_compare <- function(pair, with, year = NULL, from = NULL, to = NULL, draws = 0,
                        seed = 1, config = NULL, normalize = NULL, db = NULL) {
  df <- .ent_check(.Call(C_compare, .ent_db(db),
    list(subject = pair, group = with, year = year, from = from, to = to,
         draws = draws, seed = seed, config = config, normalize = normalize)))
  for (k in c("verdict", "robustness", "missing")) attr(df, k) <- .ent_notes(df, k)
  df
}

#' Rank the dyads of a year
#'
#' @param year the year (NULL: the latest with all four dimensions somewhere).
#' @param state only this state's dyads (world ranks kept).
#' @param dimension NULL for the composite, or a dimension.
#' @param top rows listed.
#' @param complete only composites with all four dimensions.
#' @inheritParams ent_compare
#' @return a data.frame: rank, a, b, year, dimensions, composite, complete.
ent_rank <- function(year = NULL, state = NULL, dimension = NULL, top = 20,
                     complete = FALSE, config = NULL, normalize = NULL, db = NULL) {
  .ent_check(.Call(C_rank, .ent_db(db),
    list(year = year, state = state, dimension = dimension, top = top,
         complete = as.integer(complete), config = config, normalize = normalize)))
}

#' A dyad's scores and world ranks year by year
#'
#' @inheritParams ent_compare
#' @return a data.frame: a, b, year, each dimension and its world rank,
#'   composite, rank, dyads, complete.
ent_trend <- function(pair, from, to, config = NULL, normalize = NULL, db = NULL) {
  .ent_check(.Call(C_trend, .ent_db(db),
    list(subject = pair, from = from, to = to, config = config, normalize = normalize)))
}

#' Build a warehouse from the data folders
#'
#' @param data the folder holding one folder per data set.
#' @param db the warehouse to make or update.
#' @return the open warehouse handle (made the default), invisibly.
ent_build <- function(data, db) {
  ptr <- .ent_check(.Call(C_build, path.expand(data), path.expand(db)))
  w <- structure(list(ptr = ptr, path = db), class = "entente_warehouse")
  .ent$default <- w
  invisible(w)
}

#' Every panel indicator of one dyad, long
#'
#' @param a,b the two states, by any name the registry knows.
#' @param year one year; with from and to NULL too, the latest year in which
#'   the dyad has at least half the indicators of its best year.
#' @param from,to a range of years instead.
#' @param db a warehouse handle or path (NULL: the default).
#' @return a data.frame: a, b, year, dimension, indicator, value, text, source.
ent_dyad <- function(a, b, year = NULL, from = NULL, to = NULL, db = NULL) {
  df <- .ent_check(.Call(C_dyad, .ent_db(db), a, b, year, from, to))
  attr(df, "coverage") <- .ent_notes(df, "coverage")
  df
}

#' The dyad-year panel, wide
#'
#' @param from,to years.
#' @param indicators NULL for every indicator, or a character vector of names.
#' @param directed both orders of each pair, directed columns swapped.
#' @inheritParams ent_dyad
#' @return a data.frame: ccode1, ccode2, abb1, abb2, year, one column per indicator.
ent_panel <- function(from, to, indicators = NULL, directed = FALSE, db = NULL) {
  if (!is.null(indicators)) indicators <- paste(indicators, collapse = ",")
  .ent_check(.Call(C_panel, .ent_db(db), from, to, indicators, as.integer(directed)))
}

#' UN General Assembly vote agreement of a dyad per year
#'
#' @inheritParams ent_dyad
#' @param measures NULL (agree, s, pi, kappa) or a character vector of them.
#' @param weights pi and kappa weights: "nominal", "linear" or NULL (quadratic).
#' @param issue only roll calls on an issue (me, nu, di, hr, co, ec).
#' @param important only the US State Department's important votes.
#' @param calendar the year of a vote's date, not session + 1945.
#' @return a data.frame: a, b, year, n, one column per measure, partial.
ent_agree <- function(a, b, from = NULL, to = NULL, measures = NULL, weights = NULL,
                      issue = NULL, important = FALSE, calendar = FALSE, db = NULL) {
  df <- .ent_check(.Call(C_agreement, .ent_db(db), a, b,
    .ent_agree_args(from, to, measures, weights, issue, important, calendar)))
  attr(df, "coverage") <- .ent_notes(df, "coverage")
  df
}

.ent_agree_args <- function(from, to, measures, weights, issue, important, calendar) {
  if (!is.null(measures)) measures <- paste(measures, collapse = ",")
  list(from = from, to = to, measures = measures, weights = weights, issue = issue,
       important = as.integer(important), calendar = as.integer(calendar))
}

#' The states that voted most like one state in a year
#'
#' @inheritParams ent_agree
#' @param year the year.
#' @param top rows kept (0: all).
ent_agree_with <- function(a, year, top = 0, measures = NULL, weights = NULL, issue = NULL,
                           important = FALSE, calendar = FALSE, db = NULL) {
  df <- .ent_check(.Call(C_agreement_with, .ent_db(db), a, year, top,
    .ent_agree_args(NULL, NULL, measures, weights, issue, important, calendar)))
  attr(df, "coverage") <- .ent_notes(df, "coverage")
  df
}

#' A leader's meetings
#'
#' @param leader the leader's name.
#' @param from,to dates "YYYY-MM-DD" or NULL.
#' @param partners TRUE: counterparts ranked by in-person episodes; FALSE: records.
#' @inheritParams ent_dyad
ent_meetings <- function(leader, from = NULL, to = NULL, partners = TRUE, db = NULL) {
  .ent_check(.Call(C_meetings, .ent_db(db), leader, from, to, as.integer(partners)))
}

#' What to cite for the warehouse's data
#'
#' @inheritParams ent_dyad
#' @return a data.frame: source, folder, release, licence, citation.
ent_cite <- function(db = NULL) {
  .ent_check(.Call(C_cite, .ent_db(db)))
}

#' Leader meetings of a dyad per year
#'
#' @inheritParams ent_dyad
#' @return a data.frame: state_a, state_b, year, meet_episodes, meet_days,
#'   meet_calls, meet_coverage.
ent_meetings_by_year <- function(a, b, from = NULL, to = NULL, db = NULL) {
  df <- .ent_check(.Call(C_meetings_by_year, .ent_db(db), a, b, from, to))
  attr(df, "coverage") <- .ent_notes(df, "coverage")
  df
}

#' Resolve state names; list the states
#'
#' @param names NULL, or names (character or numeric: COW numbers).
#' @param year the year names resolve for; the members listed.
#' @inheritParams ent_dyad
ent_states <- function(names = NULL, year = NULL, db = NULL) {
  .ent_check(.Call(C_states, .ent_db(db), as.character(names), year))
}

#' One state's COW code
#' @param name a name.
#' @inheritParams ent_states
ent_resolve <- function(name, year = NULL, db = NULL) {
  if (length(name) != 1) stop("ent_resolve: one name")
  ent_states(name, year = year, db = db)$ccode
}

#' What the warehouse holds
#' @param rejects also the reasons rows were rejected.
#' @inheritParams ent_dyad
ent_sources <- function(rejects = FALSE, db = NULL) {
  .ent_check(.Call(C_sources, .ent_db(db), as.integer(rejects)))
}

#' Agreement measures of two rated vectors
#'
#' @param x,y the ratings (integers in levels).
#' @param levels c(lo, hi).
#' @param w weights or NULL.
#' @param path a CSV with columns x, y instead.
#' @param weight_column its weight column.
ent_similarity <- function(x = NULL, y = NULL, levels, w = NULL, path = NULL,
                           weight_column = NULL) {
  if (!is.null(path) && (!is.null(x) || !is.null(y)))
    stop("ent_similarity: give x and y, or path, not both")
  num <- function(v) if (is.null(v)) NULL else as.numeric(v)
  df <- .ent_check(.Call(C_similarity, num(x), num(y), num(w), as.numeric(levels),
                         if (is.null(path)) NULL else path.expand(path), weight_column))
  attr(df, "info") <- .ent_notes(df, "info")
  df
}

#' Ideal points from the UN votes
#'
#' @param from,to session years.
#' @param issues issue codes.
#' @param important important votes only.
#' @param bootstrap,seed bootstrap replicates and their seed.
#' @param store replace the warehouse's estimates.
#' @param omega2,tol,prior_item,prior_x,max_step,threads the model's settings.
#' @inheritParams ent_dyad
ent_idealpoints <- function(from = NULL, to = NULL, issues = NULL, important = FALSE,
                            bootstrap = 0, seed = 1, store = FALSE, omega2 = NULL,
                            tol = NULL, prior_item = NULL, prior_x = NULL, max_step = NULL,
                            threads = NULL, db = NULL) {
  if (!is.null(issues)) issues <- paste(issues, collapse = ",")
  df <- .ent_check(.Call(C_idealpoints, .ent_db(db),
    list(from = from, to = to, issues = issues, important = as.integer(important),
         bootstrap = bootstrap, seed = as.numeric(seed), store = as.integer(store),
         omega2 = omega2, tol = tol, prior_item = prior_item, prior_x = prior_x,
         max_step = max_step, threads = threads)))
  for (k in c("data", "convergence", "coverage")) attr(df, k) <- .ent_notes(df, k)
  df
}

#' The comparison as an HTML page
#'
#' @inheritParams ent_compare
#' @param path the page to write.
#' @param svgdir also write each chart there.
ent_report <- function(pair, with, path, from = NULL, to = NULL, year = NULL, draws = 0,
                       seed = 1, config = NULL, normalize = NULL, svgdir = NULL, db = NULL) {
  w <- if (inherits(db, "entente_warehouse")) db else if (is.null(db)) .ent$default else NULL
  .ent_check(.Call(C_report, .ent_db(db),
    list(subject = pair, group = with, from = from, to = to, year = year, draws = draws,
         seed = as.numeric(seed), config = config, normalize = normalize,
         svgdir = if (is.null(svgdir)) NULL else path.expand(svgdir),
         dbname = if (is.null(w)) db else w$path),
    path.expand(path)))
}

#' Check a data folder against the pinned manifest
#' @param data the data folder.
#' @param only a comma list or vector of data sets.
#' @param manifest another manifest file.
ent_fetch_check <- function(data, only = NULL, manifest = NULL) {
  if (!is.null(only)) only <- paste(only, collapse = ",")
  df <- .ent_check(.Call(C_fetch_check, path.expand(data),
                         if (is.null(manifest)) NULL else path.expand(manifest), only))
  for (k in c("verdict", "summary")) attr(df, k) <- .ent_notes(df, k)
  df
}

#' Download the files a data folder lacks
#' @inheritParams ent_fetch_check
#' @param mirror base URL of a mirror.
#' @param jobs,retries,backoff,connect_timeout,stall_timeout,max_redirs transfers.
ent_fetch <- function(data, only = NULL, manifest = NULL, mirror = NULL, jobs = 0,
                      retries = -1, backoff = 0, connect_timeout = 0, stall_timeout = 0,
                      max_redirs = 0) {
  if (!is.null(only)) only <- paste(only, collapse = ",")
  r <- .ent_check(.Call(C_fetch, list(
    data = path.expand(data), only = only,
    manifest = if (is.null(manifest)) NULL else path.expand(manifest), mirror = mirror,
    jobs = jobs, retries = retries, backoff = backoff, connect_timeout = connect_timeout,
    stall_timeout = stall_timeout, max_redirs = max_redirs)))
  names(r) <- c("fetched", "present", "failed", "bytes", "seconds")
  as.list(r)
}

.ent_event_opts <- c(input_format = "input-format", by = "by", key = "key", from = "from",
                     to = "to", countries = "countries", threads = "threads",
                     split_bytes = "split-bytes", max_groups = "max-groups",
                     dedupe = "dedupe", lenient = "lenient")

#' Aggregate GDELT or ICEWS event files
#'
#' @param files the event files.
#' @param data the data folder with cameo_codebook/.
#' @param db a warehouse for the state registry, or NULL (from data).
#' @param ... options: input_format, by, key, from, to, countries, threads,
#'   split_bytes, max_groups, dedupe, lenient.
ent_events <- function(files, data = Sys.getenv("ENTENTE_DATA", "../shared/data"), db = NULL,
                       ...) {
  opts <- list(...)
  bad <- setdiff(names(opts), names(.ent_event_opts))
  if (length(opts) && (is.null(names(opts)) || any(!nzchar(names(opts)))))
    stop("ent_events: options are named")
  if (length(bad)) stop("ent_events: unknown option ", paste(bad, collapse = ", "))
  opts <- opts[!vapply(opts, is.null, logical(1))]
  vals <- vapply(opts, function(v) {
    if (is.logical(v)) v <- as.integer(v)
    paste(v, collapse = ",")
  }, character(1))
  acct <- tempfile(fileext = ".txt")
  on.exit(unlink(acct))
  h <- if (is.null(db)) NULL else .ent_db(db)
  res <- .ent_check(.Call(C_events, path.expand(files), path.expand(data), h,
                          unname(.ent_event_opts[names(opts)]), unname(vals), acct))
  df <- res[[1]]
  n <- res[[2]]
  attr(df, "accounting") <- paste(readLines(acct, encoding = "UTF-8"), collapse = "\n")
  for (i in seq_along(n))
    attr(df, c("read", "aggregated", "filtered", "rejected", "groups")[i]) <- n[[i]]
  df
}
