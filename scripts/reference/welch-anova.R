# Welch's ANOVA reference values: R's oneway.test(y ~ g, var.equal = FALSE), for meanHomogeneityTest.
#
# Each case draws raw values per group (normal with unequal spreads, or 1-5 / 1-7 survey answers),
# runs oneway.test on them, and records each group's n, mean, var and m2 = sum((y - mean)^2) as R
# computes them, so the test feeds meanHomogeneityTest exactly the summaries R used.
# Run from the repository root:
#   Rscript scripts/reference/welch-anova.R    # -> test/fixtures/r-welch-anova.json
source("scripts/reference/json17.R")
set.seed(20261202)

sizes <- c(2, 3, 5, 8, 15, 30, 60, 150, 500)
one_case <- function(k, kind) {
  n <- sample(sizes, k, replace = TRUE)
  if (kind == "normal") {
    mu <- rnorm(k, 4, 0.4)
    sd <- exp(rnorm(k, 0, 0.6))
    y <- unlist(lapply(seq_len(k), function(i) rnorm(n[i], mu[i], sd[i])))
  } else if (kind == "far-apart") {
    y <- unlist(lapply(seq_len(k), function(i) rnorm(n[i], 10 * i, 1 + i / 3)))
  } else {
    top <- if (kind == "likert-5") 5 else 7
    y <- unlist(lapply(seq_len(k), function(i) {
      p <- prop.table(runif(top)^2)
      sample(seq_len(top), n[i], replace = TRUE, prob = p)
    }))
  }
  g <- factor(rep(seq_len(k), n))
  # A survey group whose answers are all equal has no variance: draw it again.
  if (any(tapply(y, g, var) == 0)) return(NULL)
  t <- oneway.test(y ~ g, var.equal = FALSE)
  groups <- lapply(seq_len(k), function(i) {
    yi <- y[g == i]
    list(n = length(yi), mean = mean(yi), variance = var(yi), m2 = sum((yi - mean(yi))^2))
  })
  list(kind = kind, groups = groups, statistic = unname(t$statistic),
       df1 = unname(t$parameter[1]), df2 = unname(t$parameter[2]), pValue = t$p.value)
}

cases <- list()
for (kind in c("normal", "likert-5", "likert-7", "far-apart")) {
  for (k in c(2, 2, 3, 3, 4, 5, 6, 8)) {
    repeat {
      c <- one_case(k, kind)
      if (!is.null(c)) break
    }
    cases[[length(cases) + 1]] <- c
  }
}
write_json17(list(generator = generator_note(), cases = cases), "test/fixtures/r-welch-anova.json")
cat(length(cases), "cases written; smallest p", min(sapply(cases, `[[`, "pValue")), "\n")
