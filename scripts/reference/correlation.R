# Reference values for src/stats/correlation.ts -> test/fixtures/r-correlation.json
#
#   Rscript scripts/reference/correlation.R
#
# Pearson: cor.test(x, y, method = 'pearson') gives r, the t statistic, df = n - 2, the two-sided
# p-value and the Fisher-z confidence interval tanh(atanh(r) -/+ z / sqrt(n - 3)).
# Spearman: cor.test(x, y, method = 'spearman', exact = FALSE) gives rho (Pearson on mid-ranks) and
# the two-sided p-value from the t approximation with n - 2 df (what R uses whenever there are
# ties, and for n > 1290). cor.test has no interval for rho: the Fisher-z intervals with the
# Bonett & Wright (2000) variance (1 + rho^2 / 2) / (n - 3) and the Fieller, Hartley & Pearson
# (1957) variance 1.06 / (n - 3) are computed here from R's rho with R's qnorm, atanh and tanh.
# Deterministic: the random cases use set.seed, and the data are written into the fixture.
options(digits = 17)

num <- function(v) {
  s <- ifelse(is.finite(v), sprintf("%.17g", v), "null")
  if (length(v) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}

fisher <- function(r, n, conf, variance) {
  z <- qnorm(1 - (1 - conf) / 2)
  se <- sqrt(variance / (n - 3))
  c(tanh(atanh(r) - z * se), tanh(atanh(r) + z * se))
}

case <- function(name, x, y, conf = 0.95) {
  n <- length(x)
  p <- cor.test(x, y, method = "pearson", conf.level = conf)
  s <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
  rho <- unname(s$estimate)
  bw <- fisher(rho, n, conf, 1 + rho^2 / 2)
  fi <- fisher(rho, n, conf, 1.06)
  paste0(
    "{\"name\":\"", name, "\",\"confidence\":", num(conf), ",\"x\":", num(x), ",\"y\":", num(y),
    ",\"pearson\":{\"r\":", num(unname(p$estimate)), ",\"statistic\":", num(unname(p$statistic)),
    ",\"df\":", num(unname(p$parameter)), ",\"pValue\":", num(p$p.value),
    ",\"lower\":", num(p$conf.int[1]), ",\"upper\":", num(p$conf.int[2]), "}",
    ",\"spearman\":{\"rho\":", num(rho), ",\"pValue\":", num(s$p.value),
    ",\"bonettWright\":{\"lower\":", num(bw[1]), ",\"upper\":", num(bw[2]), "}",
    ",\"fieller\":{\"lower\":", num(fi[1]), ",\"upper\":", num(fi[2]), "}}}"
  )
}

cases <- character(0)
# cor.test's own example (Hollander & Wolfe 1973, p. 187): no ties.
x <- c(44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1)
y <- c(2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8)
cases <- c(cases, case("hollander-wolfe", x, y))
cases <- c(cases, case("hollander-wolfe-90", x, y, 0.9))
# statpsych::ci.spear's documented example (Bonett).
y2 <- c(21, 4, 9, 12, 35, 18, 10, 22, 24, 1, 6, 8, 13, 16, 19)
x2 <- c(67, 28, 30, 28, 52, 40, 25, 37, 44, 10, 14, 20, 28, 40, 51)
cases <- c(cases, case("statpsych-ci-spear", x2, y2))
# A touchpoint rating (1-5) against NPS answers (0-10): many ties.
set.seed(20260612)
rating <- sample(1:5, 60, replace = TRUE, prob = c(0.1, 0.1, 0.2, 0.3, 0.3))
score <- pmin(10, pmax(0, round(rating * 1.4 + rnorm(60, 2, 2))))
cases <- c(cases, case("likert-vs-nps", rating, score))
# A negative association, continuous, n = 200.
set.seed(7)
u <- rnorm(200)
v <- -0.35 * u + rnorm(200)
cases <- c(cases, case("negative-200", round(u, 6), round(v, 6), 0.99))
# The smallest n with an interval.
cases <- c(cases, case("n4", c(1, 2, 3, 4), c(2, 1, 4, 3)))

writeLines(
  paste0("{\"generator\":\"", R.version.string, ", stats::cor.test\",\"cases\":[\n", paste(cases, collapse = ",\n"), "\n]}"),
  "test/fixtures/r-correlation.json"
)
cat("wrote", length(cases), "cases to test/fixtures/r-correlation.json\n")
