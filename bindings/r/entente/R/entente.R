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
