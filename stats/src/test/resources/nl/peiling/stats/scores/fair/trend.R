# Golden values of the trend (SPEC section 8) for TrendReferenceTest: previous-responses.csv (edition
# "previous") against responses.csv (current), both weighted by their population files. Per group
# (national, institution A) and measure (mean: q1, q2, q3, g1, c1; positive share: q1, q2, q3, g1):
# difference, se = sqrt(se_prev^2 + se_cur^2), z, p and q = p.adjust(p, "BH") within the family.
# Rscript trend.R (R 4.2.2, survey 4.1.1).
suppressMessages(library(survey))
load <- function(prefix) {
  d <- read.csv(paste0(prefix, "responses.csv"), colClasses = "character")
  pop <- read.csv(paste0(prefix, "population.csv"), colClasses = c("character", "character", "integer", "character", "integer"))
  d$level <- as.integer(d$level)
  N <- aggregate(population ~ institution + level + pathway, data = pop, FUN = sum)
  n <- aggregate(respondent ~ institution + level + pathway, data = d, FUN = length)
  wt <- merge(N, n); wt$w <- wt$population / wt$respondent
  d <- merge(d, wt[, c("institution", "level", "pathway", "w")])
  num <- function(x) suppressWarnings(as.numeric(x))
  for (q in c("q1", "q2", "q3", "g1")) d[[q]] <- num(d[[q]])
  items <- cbind(d$q1, d$q2, 6 - d$q3)
  d$c1 <- ifelse(rowSums(!is.na(items)) >= 2, rowMeans(items, na.rm = TRUE), NA)
  for (q in c("q1", "q2", "q3")) d[[paste0(q, "_pos")]] <- as.numeric(d[[q]] >= 4)
  d$g1_pos <- as.numeric(d$g1 >= 6)
  d
}
est <- function(d, v) {
  s <- d[!is.na(d[[v]]), ]
  m <- svymean(as.formula(paste0("~", v)), svydesign(ids = ~1, weights = ~w, data = s))
  c(coef(m), SE(m))
}
prev <- load("previous-"); cur <- load("")
family <- function(label, a, b, vars) {
  r <- t(sapply(vars, function(v) { x <- est(a, v); y <- est(b, v); c(x[1], y[1], y[1] - x[1], sqrt(x[2]^2 + y[2]^2)) }))
  z <- r[, 3] / r[, 4]; p <- 2 * pnorm(-abs(z)); q <- p.adjust(p, "BH")
  for (i in seq_along(vars))
    cat(sprintf("%s %s previous %.12f current %.12f difference %.12f se %.12f z %.12f p %.12g q %.12g\n",
                label, vars[i], r[i, 1], r[i, 2], r[i, 3], r[i, 4], z[i], p[i], q[i]))
}
for (g in c("national", "A")) {
  a <- if (g == "A") prev[prev$institution == "A", ] else prev
  b <- if (g == "A") cur[cur$institution == "A", ] else cur
  family(paste(g, "mean"), a, b, c("q1", "q2", "q3", "g1", "c1"))
  family(paste(g, "positive"), a, b, c("q1_pos", "q2_pos", "q3_pos", "g1_pos"))
}
# Benjamini-Hochberg on its own: ties, a p of 1, and a family of one.
p <- c(0.01, 0.04, 0.03, 0.2, 0.5, 0.001, 0.04, 1, 0.0125)
cat("BH", sprintf("%.15g", p.adjust(p, "BH")), "\n")
cat("BH one", sprintf("%.15g", p.adjust(0.3, "BH")), "\n")
