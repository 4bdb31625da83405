# Reference values for npsHomogeneityTest, computed independently with metafor.
#
# For each group the NPS share d = (promoters - detractors)/n and its trinomial variance
# v = (p+ + p- - d^2)/n; a group with every answer in one class (v = 0) takes the adjusted-Wald
# variance instead (0.75/1.5/0.75 pseudo-answers, n + 3), the rule npsHomogeneityTest documents.
# The test of equal NPS is then metafor's fixed-effect heterogeneity test (Cochran's Q, QE on
# k - 1 df) and the common value its fixed-effect estimate: code independent of cx-metrics.
# Run from the repository root (r-base-core, r-cran-metafor, r-cran-jsonlite):
#   Rscript scripts/reference/nps-homogeneity.R    # -> test/fixtures/r-nps-homogeneity.json
source("scripts/reference/json17.R")
suppressPackageStartupMessages(library(metafor))
set.seed(20261203)

trinomial_var <- function(pp, pd, n) (pp + pd - (pp - pd)^2) / n
sizes <- c(5, 12, 30, 80, 200, 600, 2000)

one_case <- function(k, degenerate) {
  n <- sample(sizes, k, replace = TRUE)
  counts <- lapply(seq_len(k), function(i) {
    p <- prop.table(runif(3) + c(0.3, 0.1, 0.1))
    as.vector(rmultinom(1, n[i], p))
  })
  if (degenerate) {
    # one or two groups with every answer in one class
    for (i in sample(seq_len(k), min(k - 1, sample(1:2, 1)))) {
      cls <- sample(1:3, 1)
      counts[[i]] <- replace(c(0, 0, 0), cls, n[i])
    }
  }
  yi <- vi <- numeric(k)
  for (i in seq_len(k)) {
    P <- counts[[i]][1]; D <- counts[[i]][3]; N <- sum(counts[[i]])
    yi[i] <- (P - D) / N
    vi[i] <- trinomial_var(P / N, D / N, N)
    if (vi[i] == 0) vi[i] <- trinomial_var((P + 0.75) / (N + 3), (D + 0.75) / (N + 3), N + 3)
  }
  fit <- rma(yi = yi, vi = vi, method = "FE")
  list(
    groups = lapply(counts, function(c) list(promoters = c[1], passives = c[2], detractors = c[3])),
    values = json_array(100 * yi),
    standardErrors = json_array(100 * sqrt(vi)),
    statistic = fit$QE, df = k - 1, pValue = fit$QEp, pooledValue = 100 * as.numeric(fit$beta)
  )
}

cases <- list()
for (k in c(2, 2, 3, 3, 4, 5, 6, 8, 10, 12)) {
  cases[[length(cases) + 1]] <- one_case(k, FALSE)
  cases[[length(cases) + 1]] <- one_case(k, TRUE)
}
write_json17(list(generator = generator_note(), cases = cases), "test/fixtures/r-nps-homogeneity.json")
cat(length(cases), "cases written\n")
