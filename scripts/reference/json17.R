# A tiny JSON writer whose numbers read back as the same doubles (up to 17 significant digits;
# jsonlite stops at 15), so the values R computes reach the tests bit for bit. Named lists are objects, unnamed lists arrays; a numeric,
# logical or character vector of length 1 is a scalar unless wrapped in json_array().

json_array <- function(x) structure(x, class = c("json_array", class(x)))

generator_note <- function() {
  paste0(R.version.string, "; packages: ",
         paste(sapply(c("stats", loadedNamespaces()[loadedNamespaces() %in% c("metafor", "jsonlite")]),
                      function(p) paste(p, as.character(packageVersion(p)))), collapse = ", "))
}

to_json17 <- function(x) {
  if (is.list(x) && !inherits(x, "json_array")) {
    if (!is.null(names(x))) {
      parts <- mapply(function(k, v) paste0(to_json17(k), ":", to_json17(v)), names(x), x)
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json17, ""), collapse = ",\n"), "]"))
  }
  atom <- function(v) {
    if (is.character(v)) return(paste0("\"", gsub("\"", "\\\\\"", v), "\""))
    if (is.logical(v)) return(if (v) "true" else "false")
    if (!is.finite(v)) stop("non-finite number in JSON output: ", v)
    if (v == round(v) && abs(v) < 2^53) return(format(v, scientific = FALSE))
    # The shortest of 15, 16, 17 significant digits that reads back as the same double.
    for (d in 15:17) {
      text <- sprintf(paste0("%.", d, "g"), v)
      if (as.numeric(text) == v) return(text)
    }
  }
  values <- vapply(unclass(x), atom, "")
  if (length(x) == 1 && !inherits(x, "json_array")) return(values)
  paste0("[", paste(values, collapse = ","), "]")
}

write_json17 <- function(x, path) writeLines(to_json17(x), path)
