# The R package against the CLI, on the warehouse $ENTENTE_TEST_DB (the
# fixture panel made by tests/sh/r.sh) with the config $ENTENTE_TEST_CONF
# and the CLI at $ENTENTE; skipped when they are not set.

db <- Sys.getenv("ENTENTE_TEST_DB")
conf <- Sys.getenv("ENTENTE_TEST_CONF")
cli <- Sys.getenv("ENTENTE")
have <- nzchar(db) && nzchar(conf) && nzchar(cli)

cli_csv <- function(...) {
  out <- system2(cli, c(..., "--db", db, "--format", "csv"), stdout = TRUE, stderr = FALSE)
  utils::read.csv(text = out, stringsAsFactors = FALSE, na.strings = "")
}

test_that("codebook lists the indicators with typed columns", {
  cb <- ent_codebook()
  expect_s3_class(cb, "data.frame")
  expect_true("atop_defense" %in% cb$indicator)
  expect_identical(attr(cb, "row.names"), seq_len(nrow(cb)))
  expect_error(ent_codebook("nope"), class = "entente_error")
})

test_that("compare equals the CLI value for value", {
  skip_if_not(have, "no test warehouse")
  ent_open(db)
  d <- ent_compare("CHN-RUS", "allies:USA", config = conf)
  want <- cli_csv("compare", "CHN-RUS", "--with", "allies:USA", "--config", conf)
  expect_equal(nrow(d), nrow(want))
  expect_identical(d$a, want$a)
  expect_identical(d$year, as.integer(want$year))
  expect_type(d$composite, "double")
  expect_equal(d$composite, want$composite, tolerance = 0.05 / 50)
  expect_identical(d$rank, as.integer(want$rank))
  expect_match(attr(d, "verdict"), "CHN-RUS ranks above")
})

test_that("missing is NA, never 0", {
  skip_if_not(have, "no test warehouse")
  d <- ent_compare("UKG-GMY", "USA-UKG,USA-GMY,CHN-RUS", year = 2010, config = conf, db = db)
  expect_true(is.na(d$personal[d$is_subject == 1]))
})

test_that("rank and trend", {
  skip_if_not(have, "no test warehouse")
  r <- ent_rank(year = 2010, top = 3, config = conf, db = db)
  want <- cli_csv("rank", "--year", "2010", "--top", "3", "--config", conf)
  expect_identical(r$a, want$a)
  expect_identical(r$rank, as.integer(want$rank))
  t <- ent_trend("RUS-CHN", 2009, 2010, config = conf, db = db)
  want <- cli_csv("trend", "RUS-CHN", "--from", "2009", "--to", "2010", "--config", conf)
  expect_identical(t$year, as.integer(want$year))
  expect_identical(t$rank, as.integer(want$rank))
})

test_that("errors are entente_error conditions with the library's message", {
  skip_if_not(have, "no test warehouse")
  e <- tryCatch(ent_compare("CHN-XXX", "allies:USA", config = conf, db = db),
                entente_error = function(e) e)
  expect_s3_class(e, "entente_error")
  expect_match(conditionMessage(e), "unknown state 'XXX'")
  expect_error(ent_open("/nonexistent/dir/x.db"), class = "entente_error")
})
