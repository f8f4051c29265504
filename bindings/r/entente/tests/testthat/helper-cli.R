# helper-cli.R -- shared by the test files: the fixture warehouses of
# tests/sh/r.sh (tests/sh/bindings.inc) and the CLI's CSV to compare with.

pdb <- Sys.getenv("ENTENTE_TEST_PANEL_DB")
mdb <- Sys.getenv("ENTENTE_TEST_MEET_DB")
mdata <- Sys.getenv("ENTENTE_TEST_DATA")
ecli <- Sys.getenv("ENTENTE")
haveq <- nzchar(pdb) && nzchar(mdb) && nzchar(mdata) && nzchar(ecli)

qcsv <- function(db, ..., out = FALSE) {
  o <- system2(ecli, shQuote(c(..., "--db", db, "--format", "csv", if (out) c("-o", "-"))),
               stdout = TRUE, stderr = FALSE)
  utils::read.csv(text = o, stringsAsFactors = FALSE, na.strings = "",
                  colClasses = "character")
}

num <- function(x) suppressWarnings(as.numeric(x))

# to_printed checks got against the CLI's 4-decimal text: NA where it is
# empty, else within half a unit of its last decimal
to_printed <- function(got, want) {
  expect_identical(is.na(got), is.na(want))
  ok <- !is.na(want)
  expect_true(all(abs(got[ok] - num(want[ok])) <= 0.00005 + 1e-12))
}
