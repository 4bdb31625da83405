# Reference values for estimateTrendTest: metafor's meta-regression of period estimates on scores,
# fixed-effect (method = "FE") and DerSimonian-Laird random-effects (method = "DL").
# Run from the repository root (r-base-core, r-cran-metafor, r-cran-jsonlite):
#   Rscript scripts/reference/estimate-trend.R    # -> test/fixtures/r-estimate-trend.json
source("scripts/reference/json17.R")
suppressPackageStartupMessages(library(metafor))
set.seed(20261204)

cases <- list()
add_case <- function(yi, sei, score, confidence) {
  for (method in c("FE", "DL")) {
    fit <- rma(yi = yi, sei = sei, mods = ~ score, method = method, level = 100 * confidence)
    cases[[length(cases) + 1]] <<- list(
      method = if (method == "FE") "fixed-effect" else "random-effects",
      confidence = confidence,
      values = json_array(yi), standardErrors = json_array(sei), scores = json_array(score),
      slope = fit$beta[2], standardError = fit$se[2], z = fit$zval[2], pValue = fit$pval[2],
      lower = fit$ci.lb[2], upper = fit$ci.ub[2], intercept = fit$beta[1],
      residualQ = fit$QE, residualPValue = fit$QEp, tau2 = fit$tau2
    )
  }
}

for (k in c(3, 4, 6, 12, 24)) {
  for (kind in c("nps", "mean", "noisy")) {
    score <- if (k == 6) c(1, 2, 3, 5, 6, 9) else seq_len(k)
    n <- sample(c(40, 120, 400, 1500), k, replace = TRUE)
    if (kind == "nps") {
      yi <- 25 + 1.2 * score + rnorm(k, 0, 60 / sqrt(n))
      sei <- 60 / sqrt(n) * runif(k, 0.9, 1.1)
    } else if (kind == "mean") {
      yi <- 4.1 - 0.02 * score + rnorm(k, 0, 1 / sqrt(n))
      sei <- 1 / sqrt(n) * runif(k, 0.9, 1.1)
    } else {
      # period-to-period swings beyond the sampling error: the random-effects case
      yi <- 30 + rnorm(k, 0, 6) + rnorm(k, 0, 60 / sqrt(n))
      sei <- 60 / sqrt(n)
    }
    add_case(yi, sei, score, if (k == 4) 0.9 else 0.95)
  }
}
write_json17(list(generator = generator_note(), cases = cases), "test/fixtures/r-estimate-trend.json")
cat(length(cases), "cases written; tau2 > 0 in", sum(sapply(cases, function(c) c$tau2 > 0)), "\n")
