# dyad, panel, agree, cite, meetings and build against the CLI, on the panel
# fixture with the UN votes of sessions 75-78 ($ENTENTE_TEST_PANEL_DB) and the
# meetings fixture ($ENTENTE_TEST_MEET_DB, from $ENTENTE_TEST_DATA), made by
# tests/sh/r.sh; skipped when they are not set.

# (the warehouses, qcsv, num and to_printed: helper-cli.R)

test_that("dyad equals the CLI, value for value", {
  skip_if_not(haveq, "no test warehouses")
  d <- ent_dyad("JPN", "USA", year = 2014, db = pdb)
  want <- qcsv(pdb, "dyad", "JPN", "USA", "--year", "2014")
  expect_identical(attr(d, "row.names"), seq_len(nrow(d)))
  expect_identical(d$indicator, want$indicator)
  expect_identical(d$source, want$source)
  expect_identical(d$year, as.integer(want$year))
  txt <- !is.na(d$text)
  expect_identical(d$text[txt], want$value[txt])
  expect_equal(d$value[!txt], num(want$value[!txt]), tolerance = 1e-12)
  expect_true(all(is.na(d$value[d$indicator == "meet_episodes"])))
  expect_match(attr(d, "coverage"), "cow_alliance")
  r <- ent_dyad("USA", "JPN", from = 2017, to = 2019, db = pdb)
  want <- qcsv(pdb, "dyad", "USA", "JPN", "--from", "2017", "--to", "2019")
  expect_equal(r$value[is.na(r$text)], num(want$value[is.na(r$text)]), tolerance = 1e-12)
  expect_error(ent_dyad("USA", "USA", 2014, db = pdb), "same state", class = "entente_error")
})

test_that("panel equals the CLI, directed and not", {
  skip_if_not(haveq, "no test warehouses")
  ind <- c("alliance_s", "arms_share_1to2", "trade_share_1", "atop_level")
  for (dir in c(FALSE, TRUE)) {
    p <- ent_panel(2013, 2015, ind, directed = dir, db = pdb)
    want <- qcsv(pdb, "panel", "--from", "2013", "--to", "2015", "--indicators",
                 paste(ind, collapse = ","), if (dir) "--directed", out = TRUE)
    expect_identical(p$ccode1, as.integer(want$ccode1))
    expect_identical(p$abb2, want$abb2)
    for (k in ind) expect_equal(p[[k]], num(want[[k]]), tolerance = 1e-12)
  }
  expect_error(ent_panel(2014, 2014, "nope", db = pdb), "unknown indicator",
               class = "entente_error")
})

test_that("agree equals the CLI, with coverage notes", {
  skip_if_not(haveq, "no test warehouses")
  a <- ent_agree("CHN", "RUS", 2019, 2024, db = pdb)
  want <- qcsv(pdb, "agree", "CHN", "RUS", "--from", "2019", "--to", "2024")
  expect_identical(a$n, as.integer(want$n))
  expect_identical(a$partial, as.integer(want$partial))
  for (k in c("agree", "s", "pi", "kappa"))
    to_printed(a[[k]], want[[k]])
  expect_true(any(grepl("2023 is partial", attr(a, "coverage"))))
})

test_that("cite and meetings equal the CLI; build makes a warehouse", {
  skip_if_not(haveq, "no test warehouses")
  ct <- ent_cite(db = pdb)
  want <- qcsv(pdb, "sources", "--cite")
  expect_identical(ct$folder, want$folder)
  expect_identical(ct$citation, want$citation)
  m <- ent_meetings("Xi Jinping", db = mdb)
  want <- qcsv(mdb, "meetings", "Xi Jinping", "--partners")
  expect_identical(m$partner, want$partner)
  expect_identical(m$episodes, as.integer(want$episodes))
  expect_identical(m$rank, as.integer(want$rank))
  rec <- ent_meetings("Xi Jinping", "2013-01-01", "2014-12-31", partners = FALSE, db = mdb)
  want <- qcsv(mdb, "meetings", "Xi Jinping", "--from", "2013-01-01", "--to", "2014-12-31")
  expect_identical(rec$date, want$date)
  expect_identical(rec$source_row, as.integer(want$source_row))
  expect_error(ent_meetings("Xi Jinping", "2013-13-01", db = mdb), class = "entente_error")
  f <- tempfile(fileext = ".db")
  w <- ent_build(mdata, f)
  expect_identical(ent_meetings("Xi Jinping", db = w)$partner, m$partner)
  ent_close(w)
  unlink(f)
})
