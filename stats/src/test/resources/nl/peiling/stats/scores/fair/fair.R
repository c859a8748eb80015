# Golden values of SPEC section 8 for FairReferenceTest, from responses.csv and population.csv here.
# Rscript fair.R (R 4.2.2, survey 4.1.1; apt-get install r-base-core r-cran-survey) prints every value
# the test asserts, to 12 significant digits.
suppressMessages(library(survey))
options(digits = 12, survey.lonely.psu = "fail")
d <- read.csv("responses.csv", colClasses = "character")
pop <- read.csv("population.csv", colClasses = c("character", "character", "integer", "character", "integer"))
d$level <- as.integer(d$level)
# Post-stratification weights per institution x level x pathway: N_h / n_h (SPEC section 6).
N <- aggregate(population ~ institution + level + pathway, data = pop, FUN = sum)
n <- aggregate(respondent ~ institution + level + pathway, data = d, FUN = length)
wt <- merge(N, n)
wt$w <- wt$population / wt$respondent
d <- merge(d, wt[, c("institution", "level", "pathway", "w")])
num <- function(x) suppressWarnings(as.numeric(x))   # "nvt" and "" are not substantive
d$y_q1 <- num(d$q1); d$y_q2 <- num(d$q2); d$y_q3 <- num(d$q3); d$y_g1 <- num(d$g1)
# Cluster c1 = q1, q2, reverse(q3), minAnswered 2: the mean of the answered items.
items <- cbind(d$y_q1, d$y_q2, 6 - d$y_q3)
answered <- rowSums(!is.na(items))
d$y_c1 <- ifelse(answered >= 2, rowMeans(items, na.rm = TRUE), NA)
positive <- list(y_q1 = function(y) y >= 4, y_g1 = function(y) y >= 6)

# Section 6 on a set of respondents treated as its own sample.
est <- function(rows, v) {
  s <- rows[!is.na(rows[[v]]), ]
  des <- svydesign(ids = ~1, weights = ~w, data = s)
  m <- svymean(as.formula(paste0("~", v)), des)
  list(n = nrow(s), mean = unname(coef(m)), se = unname(SE(m)), w = sum(s$w), s = s, des = des)
}

figures <- function(label, rows) {
  for (v in c("y_q1", "y_g1", "y_c1")) {
    e <- est(rows, v)
    cat(sprintf("%s %s n %d mean %.12f se %.12f nEffective %.12f\n", label, v, e$n, e$mean, e$se,
                sum(e$s$w)^2 / sum(e$s$w^2)))
    if (!is.null(positive[[v]])) {
      e$s$pos <- as.numeric(positive[[v]](e$s[[v]]))
      des <- svydesign(ids = ~1, weights = ~w, data = e$s)
      m <- svymean(~pos, des)
      ci <- attr(svyciprop(~I(pos == 1), des, method = "xlogit", df = Inf), "ci")
      cat(sprintf("%s %s positive %.12f positiveSe %.12f positiveLow %.12f positiveHigh %.12f\n",
                  label, v, coef(m), SE(m), ci[1], ci[2]))
    }
  }
}

figures("national", d)
figures("A", d[d$institution == "A", ])
figures("A/01", d[d$institution == "A" & d$location == "01", ])
figures("A/02", d[d$institution == "A" & d$location == "02", ])

# Case-mix adjusted benchmark: the institution against the rest of the nation within cells.
casemix <- function(inst, v, factors, minN = 10) {
  s <- d[!is.na(d[[v]]), ]
  s$cell <- do.call(paste, c(s[factors], sep = "/"))
  own <- s[s$institution == inst, ]
  rest <- s[s$institution != inst, ]
  pi <- tapply(own$w, own$cell, sum) / sum(own$w)
  cells <- names(pi)
  covered <- cells[sapply(cells, function(k) sum(own$cell == k) >= 5 && sum(rest$cell == k) >= 5)]
  coverage <- sum(pi[covered])
  outside <- sum(!(own$cell %in% covered))
  p <- pi[covered] / coverage
  y <- sapply(covered, function(k) est(own[own$cell == k, ], v)$mean)
  r <- sapply(covered, function(k) est(rest[rest$cell == k, ], v)$mean)
  sy <- sapply(covered, function(k) est(own[own$cell == k, ], v)$se)
  sr <- sapply(covered, function(k) est(rest[rest$cell == k, ], v)$se)
  o <- sum(p * y); x <- sum(p * r); se <- sqrt(sum(p^2 * (sy^2 + sr^2)))
  z <- (o - x) / se
  cat(sprintf("caseMix %s %s %s cells %s coverage %.12f outside %d own %.12f expected %.12f difference %.12f se %.12f z %.12f p %.12f\n",
              inst, v, paste(factors, collapse = "+"), paste(covered, collapse = ","), coverage, outside,
              o, x, o - x, se, z, 2 * pnorm(-abs(z))))
}
for (v in c("y_q1", "y_g1", "y_c1")) {
  casemix("A", v, c("level", "pathway"))
  casemix("B", v, c("level", "pathway"))
  casemix("A", v, c("level"))
}
