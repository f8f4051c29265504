# bench_ideal.R -- the comparison estimators of bench/bench_ideal.sh on the
# same votes: pscl's ideal (static binary IRT, each state-year its own
# legislator) and MCMCpack's MCMCdynamicIRT1d (dynamic binary IRT, one row
# per state, a period per session year).  Votes binarised as their users do:
# yes 1, no 0, abstain missing.  Prints CPU and wall seconds and the median /
# minimum yearly correlation across states with BSV's IdealPointAll.
# usage: Rscript bench_ideal.R VOTES.csv BSV.csv PSCL_ITER MCMC_ITER
#   pscl: PSCL_ITER iterations, the first half burn-in, thin 10;
#   MCMCpack: MCMC_ITER kept iterations after MCMC_ITER/2 burn-in, thin 2.
suppressMessages({library(pscl); library(MCMCpack)})
a <- commandArgs(TRUE)
v <- read.csv(a[1]); bsv <- read.csv(a[2]); iter <- as.integer(a[3]); miter <- as.integer(a[4])
v$y <- ifelse(v$vote == 1, 1, ifelse(v$vote == 3, 0, NA))
rcs <- sort(unique(v$rcid)); yrs <- sort(unique(v$year))
bsvk <- setNames(bsv$idealpointall, paste(bsv$ccode, bsv$year))
score <- function(name, t, est) {   # t: proc.time() difference; est: named by "ccode year"
  r <- sapply(yrs, function(y) {
    k <- names(est)[grepl(paste0(" ", y, "$"), names(est))]
    k <- k[!is.na(bsvk[k])]
    if (length(k) < 10) return(NA)
    # orientation year by year, the USA positive as in BSV: a static fit of
    # state-year legislators has no bridge between years
    s <- if (!is.na(est[paste("2", y)])) sign(est[paste("2", y)]) else 1
    s * cor(est[k], bsvk[k])
  })
  cat(sprintf("%-36s %7.1f s CPU %7.1f s wall   median r %.3f   min r %.3f (%d years)\n",
              name, t[["user.self"]] + t[["sys.self"]], t[["elapsed"]],
              median(r, na.rm = TRUE), min(r, na.rm = TRUE), sum(!is.na(r))))
}
# pscl::ideal, static: rows = state-years
sy <- paste(v$ccode, v$year)
m <- matrix(9, length(unique(sy)), length(rcs), dimnames = list(sort(unique(sy)), rcs))
m[cbind(match(sy, rownames(m)), match(v$rcid, rcs))] <- v$y
t0 <- proc.time()
rc <- rollcall(m, yea = 1, nay = 0, missing = NA, notInLegis = 9)
invisible(capture.output(   # its banner prints even with verbose = FALSE
  f <- ideal(rc, maxiter = iter, burnin = iter / 2, thin = 10, normalize = TRUE, verbose = FALSE)))
score(sprintf("pscl::ideal (%d iter, binary)", iter), proc.time() - t0,
      setNames(f$xbar[, 1], rownames(m)))
# MCMCpack::MCMCdynamicIRT1d: rows = states
st <- sort(unique(v$ccode))
d <- matrix(NA, length(st), length(rcs), dimnames = list(st, rcs))
d[cbind(match(v$ccode, st), match(v$rcid, rcs))] <- v$y
rcyear <- tapply(v$year, v$rcid, min)[as.character(rcs)]
tm <- as.integer(rcyear - min(rcyear) + 1)
t0 <- proc.time()
usa <- which(rownames(d) == "2"); rus <- which(rownames(d) == "365")
cons <- list(); cons[[rownames(d)[usa]]] <- "+"; cons[[rownames(d)[rus]]] <- "-"
p <- MCMCdynamicIRT1d(d, item.time.map = tm, theta.constraints = cons,
                      burnin = miter / 2, mcmc = miter, thin = 2, verbose = 0, seed = 1,
                      tau2.start = rep(0.1, nrow(d)), e0 = 0, E0 = 1, a0 = 0, A0 = 0.1,
                      b0 = 0, B0 = 0.1, c0 = -1, d0 = -1, store.item = FALSE)
secs <- proc.time() - t0
pm <- colMeans(p)
th <- pm[grepl("^theta", names(pm))]
# names theta.<row>.t<k>; keep state-years with a vote that year
key <- sub("^theta\\.(.*)\\.t([0-9]+)$", "\\1 \\2", names(th))
cc <- sub(" .*", "", key); tk <- as.integer(sub(".* ", "", key))
names(th) <- paste(cc, min(rcyear) + tk - 1)
th <- th[names(th) %in% unique(sy)]
score(sprintf("MCMCdynamicIRT1d (%d+%d, binary)", miter / 2, miter), secs, th)
