# p.adjust at full double precision, for the bit-for-bit test of adjustPValues.
#
# Reads the p-value vectors of test/fixtures/r-analysis.json (copied from the shared R 4.2.2
# reference, whose adjusted values are printed to 15 significant digits) and writes R's adjusted
# values with 17 significant digits, so every double round-trips exactly.
#
# Run from the repository root (needs r-base-core and r-cran-jsonlite):
#   Rscript scripts/reference/p-adjust.R    # -> test/fixtures/r-p-adjust-exact.json
source("scripts/reference/json17.R")
library(jsonlite)

input <- fromJSON("test/fixtures/r-analysis.json", simplifyVector = FALSE)$pAdjust
r_method <- c(holm = "holm", hochberg = "hochberg", hommel = "hommel", bonferroni = "bonferroni",
              bh = "BH", by = "BY")
cases <- lapply(input, function(c) {
  p <- as.numeric(unlist(c$p))
  list(method = c$method, p = json_array(p), adjusted = json_array(p.adjust(p, r_method[[c$method]])))
})
write_json17(list(generator = generator_note(), cases = cases), "test/fixtures/r-p-adjust-exact.json")
cat(length(cases), "cases written\n")
