# Writes responses.csv and population.csv of the fair-comparison golden tests (FairReferenceTest), and
# with arguments 2025 previous- the previous edition's previous-responses.csv and
# previous-population.csv of the trend tests (TrendReferenceTest).
# Run once: Rscript make-data.R; Rscript make-data.R 2025 previous-. The files are committed, so this only
# documents where they came from.
args <- commandArgs(trailingOnly = TRUE)
seed <- if (length(args) >= 1) as.integer(args[1]) else 17
prefix <- if (length(args) >= 2) args[2] else ""
set.seed(seed)
places <- data.frame(inst = c("A", "A", "B", "C", "C", "D"), loc = c("01", "02", "01", "01", "02", "01"),
                     n = c(60, 40, 90, 70, 50, 40))
rows <- do.call(rbind, lapply(seq_len(nrow(places)), function(p) {
  n <- places$n[p]
  a <- places$inst[p] == "A"
  level <- sample(1:4, n, replace = TRUE, prob = if (a) c(.1, .5, .2, .2) else c(.05, .15, .3, .5))
  pathway <- ifelse(runif(n) < (if (a) .6 else .2), "BBL", "BOL")
  data.frame(inst = places$inst[p], loc = places$loc[p], level = level, pathway = pathway)
}))
n <- nrow(rows)
answer <- function(level) {
  # higher levels answer a little more positively; 5 % nvt, 5 % blank
  x <- sapply(level, function(l) sample(1:5, 1, prob = c(.1, .15, .25, .3, .2) + c(-.02, -.02, 0, .02, .02) * (l - 2.5)))
  u <- runif(length(x))
  ifelse(u < .05, "nvt", ifelse(u < .10, "", as.character(x)))
}
q1 <- answer(rows$level); q2 <- answer(rows$level); q3 <- answer(rows$level)
g1 <- sample(3:10, n, replace = TRUE, prob = c(.03, .07, .15, .2, .25, .15, .1, .05))
g1 <- ifelse(runif(n) < .08, "", as.character(g1))
out <- data.frame(respondent = sprintf("r%03d", seq_len(n)), institution = rows$inst, location = rows$loc,
                  level = rows$level, pathway = rows$pathway, modules = "basis",
                  q1 = q1, q2 = q2, q3 = q3, g1 = g1, s1 = "", m1 = "", n1 = "", t1 = "", o1 = "", o2 = "", o3 = "")
write.csv(out, paste0(prefix, "responses.csv"), row.names = FALSE, quote = FALSE)
cells <- aggregate(respondent ~ institution + location + level + pathway, data = out, FUN = length)
cells$population <- cells$respondent * sample(2:6, nrow(cells), replace = TRUE)
write.csv(cells[order(cells$institution, cells$location, cells$level, cells$pathway),
                c("institution", "location", "level", "pathway", "population")],
          paste0(prefix, "population.csv"), row.names = FALSE, quote = FALSE)
