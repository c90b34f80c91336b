#!/usr/bin/env bash
# Generates the benchmark file, times the whole `assess` processes on it, runs the BenchmarkDotNet suites, and — where
# R with psych is installed (apt-get install r-base-core r-cran-psych; for benchmarks only, never in tests or CI) —
# times R on the same file in the same run and prints the ratios.
# Usage: benchmarks/run.sh [ROWS=1000000] [--no-bdn]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release src/Assessments.Cli -v q >/dev/null
assess=src/Assessments.Cli/bin/Release/net10.0/assess
instrument=benchmarks/data/bench60.json
"$assess" generate --instrument "$instrument" --rows "$rows" --seed 42 --missing 0.05 --out "$work/data.csv"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | awk '{printf "%.2f", $1 - $3}'; }
score=$(seconds "$assess" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv")
analyze=$(seconds "$assess" analyze --instrument "$instrument" --responses "$work/data.csv")
echo "rows: $rows"
echo "assess score:   ${score} s"
echo "assess analyze: ${analyze} s"

if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(psych)' >/dev/null 2>&1; then
  cat > "$work/r.R" <<'R'
suppressMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
t0 <- Sys.time(); x <- read.csv(args[1]); items <- x[, -1]
keys <- list(); for (s in 0:5) { ids <- sprintf("Q%02d", s * 10 + 0:9); ids[c(2, 5, 8)] <- paste0("-", ids[c(2, 5, 8)]); keys[[paste0("S", s)]] <- ids }
t1 <- Sys.time(); sc <- scoreItems(keys, items, min = 1, max = 5, impute = "none")
t2 <- Sys.time(); for (k in keys) { rev <- sub("-", "", k[startsWith(k, "-")]); a <- alpha(items[, sub("-", "", k)], keys = rev, n.iter = 1, check.keys = FALSE, warnings = FALSE) }
t3 <- Sys.time()
cat(sprintf("%.2f %.2f %.2f\n", as.numeric(t1 - t0, units = "secs"), as.numeric(t2 - t1, units = "secs"), as.numeric(t3 - t2, units = "secs")))
R
  read -r r_read r_score r_alpha < <(Rscript "$work/r.R" "$work/data.csv" 2>/dev/null | tail -1)
  echo "R read.csv:     ${r_read} s"
  echo "R scoreItems:   ${r_score} s   (read + score: $(awk "BEGIN {printf \"%.2f\", $r_read + $r_score}") s, ratio to assess score: $(awk "BEGIN {printf \"%.1f\", ($r_read + $r_score) / $score}")x)"
  echo "R alpha x6:     ${r_alpha} s   (read + alpha: $(awk "BEGIN {printf \"%.2f\", $r_read + $r_alpha}") s, ratio to assess analyze: $(awk "BEGIN {printf \"%.1f\", ($r_read + $r_alpha) / $analyze}")x)"
else
  echo "R with psych not found: no ratios (apt-get install r-base-core r-cran-psych)"
fi

if [ "${2:-}" != "--no-bdn" ]; then
  dotnet run -c Release --project benchmarks/Assessments.Benchmarks -- --filter '*' --job short
fi
