# states, resolve, sources, similarity, agree's options and agree_with,
# meetings_by_year, idealpoints, events, fetch, fetch_check and report:
# the hand-worked values of the CLI golden tests and the CLI's CSV, on the
# fixture warehouses of tests/sh/r.sh (helper-cli.R).  events needs the data
# folder's cameo_codebook/ ($ENTENTE_TEST_CAMEO_DATA); skipped without.

wdb <- Sys.getenv("ENTENTE_TEST_DB")
wconf <- Sys.getenv("ENTENTE_TEST_CONF")
fix <- Sys.getenv("ENTENTE_TEST_FIX")
cameo <- Sys.getenv("ENTENTE_TEST_CAMEO_DATA")
haven <- haveq && nzchar(wdb) && nzchar(fix)

sim <- function(...) {
  s <- ent_similarity(...)
  v <- s$value
  names(v) <- s$measure
  v
}

test_that("similarity gives the published values", {
  # Signorino & Ritter (1999): S for (3,3,2,2) vs (2,2,3,3), dmax 3 = 1/3
  v <- sim(c(3, 3, 2, 2), c(2, 2, 3, 3), levels = c(0, 3), w = c(.5, .3, .1, .1))
  expect_identical(names(v), c("s", "s_weighted", "s_squared", "pi_nominal", "pi_linear",
                               "pi_quadratic", "kappa_nominal", "kappa_linear",
                               "kappa_quadratic", "taub"))
  expect_equal(unname(v["s"]), 1 / 3, tolerance = 1e-12)
  expect_equal(unname(v["s_weighted"]), 1 / 3, tolerance = 1e-12)
  expect_equal(unname(v["s_squared"]), 7 / 9, tolerance = 1e-12)
  expect_equal(unname(v[c("pi_nominal", "kappa_quadratic", "taub")]), c(-1, -1, -1),
               tolerance = 1e-12)
  # (3,3,1,2) vs (3,3,1,3), dmax 2: .75; no weights: s_weighted NA
  s <- ent_similarity(c(3, 3, 1, 2), c(3, 3, 1, 3), levels = c(1, 3))
  v <- s$value
  names(v) <- s$measure
  expect_equal(unname(v["s"]), 0.75, tolerance = 1e-12)
  expect_true(is.na(v["s_weighted"]))
  expect_equal(unname(v["s_squared"]), 0.875, tolerance = 1e-12)
  expect_equal(unname(round(v[c("pi_nominal", "kappa_nominal", "kappa_quadratic", "taub")], 4)),
               c(0.5294, 0.5556, 0.8333, 0.7746))
  expect_identical(attr(s, "info"), "4 items, levels 1:3")
  expect_equal(unname(sim(0:3, 3:0, levels = c(0, 3))["s"]), -1 / 3, tolerance = 1e-12)
  f <- tempfile(fileext = ".csv")
  writeLines(c("x,y,w", "3,2,.5", "3,2,.3", "2,3,.1", "2,3,.1"), f)
  expect_identical(sim(path = f, levels = c(0, 3)),
                   sim(c(3, 3, 2, 2), c(2, 2, 3, 3), levels = c(0, 3), w = c(.5, .3, .1, .1)))
  expect_error(ent_similarity(1:2, 1:2, levels = c(0, 3), path = f), "not both")
  unlink(f)
  expect_error(ent_similarity(c(3, 3, 5), c(3, 3, 1), levels = c(1, 3)),
               "not an integer in the levels|outside", class = "entente_error")
  expect_error(ent_similarity(c(3, 3), c(3, 3), levels = c(1, 3), w = c(1, -1)),
               class = "entente_error")
  expect_error(ent_similarity(c(3, 3, 1), c(3, 3), levels = c(1, 3)), "same number",
               class = "entente_error")
})

test_that("states resolve names; the list holds CHN 710 and RUS 365", {
  skip_if_not(haven, "no test warehouses")
  all <- ent_states(db = wdb)
  expect_identical(all$ccode[all$input == "CHN"], 710L)
  expect_identical(all$ccode[all$input == "RUS"], 365L)
  expect_false(is.unsorted(all$ccode))
  nm <- c("RUS", "RU", "365", "Russia", "russian federation", "USSR", "GBR", "JPN")
  s <- ent_states(nm, db = wdb)
  want <- qcsv(wdb, "states", nm)
  expect_identical(s$input, want$input)
  expect_identical(s$ccode, as.integer(want$ccode))
  expect_identical(s$abb, want$abb)
  expect_true(all(is.na(s$member)))
  expect_identical(s$ccode[1:6], rep(365L, 6))
  g <- ent_states(c("Germany", "Yemen"), year = 1980, db = wdb)
  expect_identical(g$ccode, c(260L, 678L))
  expect_identical(g$member, c("yes", "yes"))
  expect_identical(ent_resolve("Russia", db = wdb), 365L)
  expect_identical(ent_resolve(365, db = wdb), 365L)
  expect_identical(ent_resolve("Germany", year = 1980, db = wdb), 260L)
  expect_error(ent_resolve("AUS", db = wdb), "ambiguous", class = "entente_error")
  expect_error(ent_states(c("RUS", "Narnia"), db = wdb), "unknown state 'Narnia'",
               class = "entente_error")
})

test_that("sources equal the CLI", {
  skip_if_not(haven, "no test warehouses")
  s <- ent_sources(db = pdb)
  want <- qcsv(pdb, "sources")
  expect_identical(s$source, want$source)
  expect_identical(s$loaded, as.integer(want$loaded))
  expect_identical(s$coverage, want$coverage)
  v <- s[s$source == "unga_votes_voeten", ]
  expect_identical(c(v$read, v$loaded, v$rejected), c(6L, 5L, 1L))
  expect_false("rejects" %in% names(s))
  r <- ent_sources(rejects = TRUE, db = pdb)
  expect_match(r$rejects[r$source == "unga_votes_voeten"], "session 74 or earlier")
})

test_that("agree's options and agree_with", {
  skip_if_not(haven, "no test warehouses")
  a <- ent_agree("CHN", "RUS", 2019, 2024, calendar = TRUE, db = pdb)
  want <- qcsv(pdb, "agree", "CHN", "RUS", "--from", "2019", "--to", "2024", "--calendar-year")
  expect_identical(a$n, as.integer(want$n))
  expect_identical(a$partial, as.integer(want$partial))
  for (k in c("agree", "s", "pi", "kappa")) to_printed(a[[k]], want[[k]])
  expect_true(any(grepl("calendar year 2024 is partial", attr(a, "coverage"))))
  k <- ent_agree("CHN", "RUS", 2020, 2020, measures = c("s", "kappa"), weights = "nominal",
                 db = pdb)
  expect_identical(names(k), c("a", "b", "year", "n", "s", "kappa", "partial"))
  expect_identical(k$s, 0.5)
  me <- ent_agree("CHN", "USA", 2020, 2023, issue = "me", db = pdb)
  expect_identical(me$n, c(1L, 0L, 0L, 0L))
  expect_identical(me$s[1], -1)
  expect_error(ent_agree("CHN", "RUS", measures = "s,tau", db = pdb), "'s,tau'",
               class = "entente_error")
  w <- ent_agree_with("CHN", 2020, db = pdb)
  want <- qcsv(pdb, "agree", "--with", "CHN", "--year", "2020")
  expect_identical(w$b, want$b)
  expect_identical(w$b[1], "RUS")
  expect_identical(w$agree[1], 0.5)
  expect_identical(nrow(ent_agree_with("CHN", 2020, top = 2, db = pdb)), 2L)
})

test_that("meetings by year: counts, missing where not covered", {
  skip_if_not(haven, "no test warehouses")
  m <- ent_meetings_by_year("CHN", "RUS", 2017, 2020, db = mdb)
  expect_identical(m$year, 2017:2020)
  expect_identical(m$meet_episodes, c(0L, 2L, NA, NA))
  expect_identical(m$meet_days, c(0L, 4L, NA, NA))
  expect_identical(m$meet_calls, c(0L, 1L, NA, NA))
  expect_identical(m$meet_coverage, c("china_vitae", "china_vitae", NA, NA))
  expect_match(attr(m, "coverage"), "cover CHN-RUS in 2009-2018")
  expect_error(ent_meetings_by_year("CHN", "RUS", 2020, 1800, db = mdb), "after",
               class = "entente_error")
})

test_that("idealpoints give the golden test's estimates", {
  skip_if_not(haven, "no test warehouses")
  ip <- ent_idealpoints(to = 2024, db = pdb)
  expect_identical(nrow(ip), 15L)
  est <- function(s, y) ip$estimate[ip$state == s & ip$year == y]
  expect_equal(round(c(est("USA", 2020), est("USA", 2023), est("RUS", 2020),
                       est("CHN", 2021), est("JPN", 2023)), 4),
               c(0.6470, 0.7512, -0.4767, -0.4614, 0.0607))
  expect_true(all(is.na(ip$se)))
  expect_identical(ip$partial[ip$state == "USA"], c(0L, 0L, 1L))
  expect_identical(ip$nvotes[ip$state == "USA"], c(2L, 1L, 2L))
  expect_match(attr(ip, "data"), "5 roll calls")
  expect_match(attr(ip, "convergence"), "converged")
  expect_true(any(grepl("2024 has no data", attr(ip, "coverage"))))
  want <- qcsv(pdb, "idealpoints", out = TRUE)
  to_printed(ent_idealpoints(db = pdb)$estimate, want$estimate)
  b <- ent_idealpoints(bootstrap = 4, seed = 3, db = pdb)
  expect_true(all(b$se > 0))
  expect_true(all(b$lo <= b$hi))
  expect_identical(b$se, ent_idealpoints(bootstrap = 4, seed = 3, db = pdb)$se)
  expect_error(ent_idealpoints(from = 2023, to = 2020, db = pdb), class = "entente_error")
  expect_error(ent_idealpoints(bootstrap = 1, db = pdb), class = "entente_error")
})

test_that("report writes the page and its charts", {
  skip_if_not(haven, "no test warehouses")
  d <- tempfile()
  dir.create(d)
  page <- file.path(d, "r.html")
  r <- ent_report("CHN-RUS", "allies:USA", page, from = 2009, to = 2010, draws = 50, seed = 3,
                  config = wconf, svgdir = file.path(d, "charts"), db = wdb)
  expect_identical(nrow(r), 1L)
  expect_identical(c(r$from, r$to, r$year, r$charts), c(2009L, 2010L, 2010L, 12L))
  expect_identical(length(list.files(file.path(d, "charts"))), 12L)
  html <- paste(readLines(page, encoding = "UTF-8", warn = FALSE), collapse = "\n")
  expect_true(grepl("ranks above 3 of 4 (75%)", html, fixed = TRUE))
  expect_error(ent_report("CHN-RUS", "allies:USA", page, from = 2010, to = 2009, db = wdb),
               "after", class = "entente_error")
  unlink(d, recursive = TRUE)
})

test_that("events give the hand-checked aggregates", {
  skip_if_not(nzchar(cameo) && nzchar(fix), "no cameo_codebook")
  ev <- function(f, ...) ent_events(file.path(fix, "events", f), data = cameo, ...)
  m <- ev("good.tsv", by = "month")
  expect_identical(names(m), c("actor1", "actor2", "period", "key", "events", "goldstein_sum",
                               "goldstein_mean", "mentions", "sources", "articles"))
  expect_identical(m$period, c("2016-01", "2016-03", "2016-03", "2015-06"))
  expect_identical(m$events, c(3L, 1L, 1L, 3L))
  expect_equal(m$goldstein_sum[1], 4.8, tolerance = 1e-12)  # 1.0 + 1.9 + 1.9
  expect_identical(m$goldstein_mean[4], 7.5)
  expect_identical(c(m$mentions[1], m$sources[1], m$articles[1]), c(13L, 5L, 11L))
  expect_identical(c(attr(m, "read"), attr(m, "aggregated"), attr(m, "filtered"),
                     attr(m, "rejected"), attr(m, "groups")), c(12, 8, 3, 1, 4))
  expect_match(attr(m, "accounting"), "unmappable country code 'EUR' (first: good.tsv:8)",
               fixed = TRUE)
  r <- ent_events(file.path(fix, "events", c("good.tsv.gz", "good.zip")), data = cameo,
                  key = "root")
  expect_identical(r$key, c("04", "19", "11", "05", "08"))
  expect_identical(r$events, c(6L, 2L, 2L, 4L, 2L))
  p <- ev("good.tsv", countries = c("USA", "RUS"), from = "2016-02", to = "2016")
  expect_identical(p$events, c(1L, 1L))
  expect_identical(attr(p, "filtered"), 9)
  expect_identical(ev("good.tsv", dedupe = TRUE, key = "code")$key,
                   c("040", "042", "190", "111", "057", "0874"))
  i <- ev("icews.tab", by = "day", db = pdb)
  expect_identical(i$period, c("2018-06-01", "2018-06-01", "2018-06-02"))
  expect_true(all(is.na(i$mentions)))
  expect_error(ev("good.tsv", by = "week"), "'week' is not day, month or year",
               class = "entente_error")
  expect_error(ev("short_row.tsv"), "short_row.tsv:4", class = "entente_error")
  expect_identical(attr(ev("short_row.tsv", lenient = TRUE), "rejected"), 1)
  expect_error(ev("good.tsv", bogus = 1), "unknown option")
})

test_that("fetch_check and fetch on a small manifest, no network", {
  skip_if(!nzchar(Sys.which("sha256sum")), "no sha256sum")
  d <- tempfile()
  dir.create(file.path(d, "data", "set1"), recursive = TRUE)
  a <- file.path(d, "data", "set1", "a.csv")
  writeLines(c("1,2", "3,4"), a)
  writeLines("x", file.path(d, "data", "set1", "junk.txt"))
  sha <- sub(" .*", "", system2("sha256sum", a, stdout = TRUE))
  m <- file.path(d, "m.tsv")
  hd <- paste("path", "source", "kind", "url", "mirror_path", "size", "sha256", "format",
              "from", "licence", "citation", "recipe", sep = "\t")
  row <- function(p, size, sum) paste(p, sub("/.*", "", p), "verbatim",
                                      paste0("https://example.invalid/r/", basename(p)),
                                      paste0("r/", basename(p)), size, sum,
                                      sub(".*[.]", "", p), "-", "CC0", "Test (2026)", "none",
                                      sep = "\t")
  writeLines(c(hd, row("set1/a.csv", file.size(a), sha),
               row("set2/c.txt", 11, strrep("0", 64))), m)
  chk <- ent_fetch_check(file.path(d, "data"), manifest = m)
  st <- chk$state
  names(st) <- chk$path
  expect_identical(st[c("set1/a.csv", "set2/c.txt", "set1/junk.txt")],
                   c("set1/a.csv" = "ok", "set2/c.txt" = "missing", "set1/junk.txt" = "extra"))
  expect_identical(attr(chk, "verdict"), "incomplete")
  expect_match(attr(chk, "summary"), "1 ok, 1 missing")
  expect_identical(attr(ent_fetch_check(file.path(d, "data"), only = "set1", manifest = m),
                        "verdict"), "complete")
  expect_error(ent_fetch_check(file.path(d, "nowhere"), manifest = m), class = "entente_error")
  f <- ent_fetch(file.path(d, "data"), only = "set1", manifest = m)
  expect_identical(c(f$fetched, f$present, f$failed), c(0, 1, 0))
  expect_error(ent_fetch(file.path(d, "data"), manifest = m, mirror = "http://127.0.0.1:9",
                         retries = 0), "http://127.0.0.1:9/r/c.txt", class = "entente_error")
  expect_false(file.exists(file.path(d, "data", "set2", "c.txt")))
  unlink(d, recursive = TRUE)
})
