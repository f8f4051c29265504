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
#' @return a data.frame: a, b, year, n, agree, s, pi, kappa, partial.
ent_agree <- function(a, b, from, to, db = NULL) {
  df <- .ent_check(.Call(C_agree, .ent_db(db), a, b, from, to))
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
