# R through Debian's r-cran-rsqlite: read every table of dist/sqlite/isca.db and check that each
# column has the class its declared SQLite type promises (TEXT -> character, INTEGER -> integer,
# REAL -> numeric), that missing values are NA (never ""), that date columns parse with as.Date,
# and that row counts match the SQL count. Usage: Rscript interop/analyst.R DIST
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(DBI))
con <- dbConnect(RSQLite::SQLite(), file.path(args[1], "sqlite", "isca.db"), flags = RSQLite::SQLITE_RO)
want <- c(TEXT = "character", INTEGER = "integer", REAL = "numeric")
failures <- character()
columns <- 0
tables <- dbListTables(con)
for (t in tables) {
  d <- dbReadTable(con, t)
  info <- dbGetQuery(con, sprintf("SELECT name, type FROM pragma_table_info('%s')", t))
  n <- dbGetQuery(con, sprintf("SELECT count(*) AS n FROM \"%s\"", t))$n
  if (nrow(d) != n) failures <- c(failures, sprintf("%s: %d rows read, %d in SQLite", t, nrow(d), n))
  for (i in seq_len(nrow(info))) {
    col <- info$name[i]
    columns <- columns + 1
    got <- class(d[[col]])[1]
    if (got != want[[info$type[i]]]) failures <- c(failures, sprintf("%s.%s: %s, want %s", t, col, got, want[[info$type[i]]]))
    if (is.character(d[[col]]) && any(d[[col]] == "", na.rm = TRUE)) failures <- c(failures, sprintf("%s.%s: empty strings", t, col))
    if (grepl("_(start|end)$", col)) {
      parsed <- as.Date(d[[col]])
      if (any(is.na(parsed) != is.na(d[[col]]))) failures <- c(failures, sprintf("%s.%s: not ISO dates", t, col))
    }
  }
}
dbDisconnect(con)
if (length(failures)) {
  cat(paste0("FAIL R: ", failures, "\n"), sep = "")
  quit(status = 1)
}
cat(sprintf("ok   R            %s, RSQLite %s: %d tables, %d columns with the right classes, NA for missing, dates parse\n",
            R.version.string, packageVersion("RSQLite"), length(tables), columns))
