#!/usr/bin/env bash
# Generates the benchmark file, times whole `assess` processes on it (the JIT build that `dotnet run` and the tool use, and
# a Native AOT build when the ILCompiler package can be restored), and — where R with psych is installed
# (apt-get install r-base-core r-cran-psych; for benchmarks only, never in tests or CI) — times R on the same file in the
# same run and prints the ratios; then runs the BenchmarkDotNet suites.
# Usage: benchmarks/run.sh [ROWS=1000000] [--no-bdn]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
onet="onet:$(cd .. && pwd)/shared/data/onet/30.1"

# First (packing rewrites the build output): the tool as people install it: packed into a folder feed (pointer, Native AOT linux-x64, framework-dependent any) and
# installed with `dotnet tool install`, which takes the linux-x64 package here; the `any` package is timed through dotnet.
version="0.0.0-bench.$(date +%s)"
installed=""; anytool=""
if dotnet pack src/Assessments.Cli -c Release -o "$work/feed" -p:Version="$version" -v q >/dev/null 2>&1 \
  && dotnet pack src/Assessments.Cli -c Release -r linux-x64 -p:CppCompilerAndLinker=gcc -o "$work/feed" -p:Version="$version" -v q >/dev/null 2>&1 \
  && dotnet pack src/Assessments.Cli -c Release -r any -p:PublishAot=false -o "$work/feed" -p:Version="$version" -v q >/dev/null 2>&1 \
  && dotnet tool install Assessments.Cli --version "$version" --tool-path "$work/tools" --add-source "$work/feed" >/dev/null 2>&1; then
  installed="$work/tools/assess"
  mkdir -p "$work/any" && (cd "$work/any" && unzip -q "$work/feed/Assessments.Cli.any.$version.nupkg")
  anytool="$work/any/tools/net10.0/any/assess.dll"
fi

dotnet build -c Release src/Assessments.Cli -v q >/dev/null
jit=src/Assessments.Cli/bin/Release/net10.0/assess
aot=""
if dotnet publish src/Assessments.Cli -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -o "$work/aot" -v q >/dev/null 2>&1; then
  aot="$work/aot/assess"
fi
# The same, compiled for this machine's instruction set (AVX2 here): the 256-bit matcher path needs it under Native AOT.
aotn=""
if dotnet publish src/Assessments.Cli -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -p:IlcInstructionSet=native -o "$work/aotn" -v q >/dev/null 2>&1; then
  aotn="$work/aotn/assess"
fi

instrument=benchmarks/data/riasec60.json
"$jit" generate --instrument "$instrument" --rows "$rows" --seed 42 --missing 0.05 --out "$work/data.csv" 2>/dev/null
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; rows: $rows ($(du -m "$work/data.csv" | cut -f1) MB)"

# Best of three wall-clock times and the peak resident memory of the last run.
timed() {
  local best=999999 rss=0 t
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
    read -r t rss < "$work/time"
    best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (a < b) ? a : b }')
  done
  echo "$best $((rss / 1024))"
}

report() { printf '%-58s %7s s  %5s MB peak\n' "$1" "$2" "$3"; }
read -r score score_mb < <(timed "$jit" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv")
report "assess score (JIT)" "$score" "$score_mb"
read -r t mb < <(timed env DOTNET_EnableAVX512F=0 "$jit" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv")
report "assess score (JIT, DOTNET_EnableAVX512F=0)" "$t" "$mb"
read -r t mb < <(timed "$jit" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv" --threads 1)
report "assess score (JIT, --threads 1)" "$t" "$mb"
read -r t mb < <(timed "$jit" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv" --reader general)
report "assess score (JIT, --reader general: Sep, per cell)" "$t" "$mb"
if [ -n "$aot" ]; then
  read -r aot_score mb < <(timed "$aot" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv")
  report "assess score (Native AOT)" "$aot_score" "$mb"
  read -r t mb < <(timed "$aot" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv" --threads 1)
  report "assess score (Native AOT, --threads 1)" "$t" "$mb"
fi
if [ -n "$aotn" ]; then
  read -r t mb < <(timed "$aotn" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv")
  report "assess score (Native AOT, native ISA)" "$t" "$mb"
fi
if [ -n "$installed" ]; then
  read -r t mb < <(timed "$installed" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv")
  report "assess score (installed tool: dotnet tool install, linux-x64)" "$t" "$mb"
  read -r t mb < <(timed dotnet "$anytool" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv")
  report "assess score (the 'any' tool package, JIT)" "$t" "$mb"
fi

read -r t mb < <(timed "$jit" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv" --match "$onet")
report "assess score --match O*NET 30.1 (top 10, JIT)" "$t" "$mb"
if [ -n "$aot" ]; then
  read -r t mb < <(timed "$aot" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv" --match "$onet")
  report "assess score --match O*NET 30.1 (top 10, Native AOT)" "$t" "$mb"
fi
if [ -n "$aotn" ]; then
  read -r t mb < <(timed "$aotn" score --instrument "$instrument" --responses "$work/data.csv" --out "$work/scores.csv" --match "$onet")
  report "assess score --match O*NET 30.1 (top 10, AOT native ISA)" "$t" "$mb"
fi

if [ -n "$aotn" ]; then
  start=$(date +%s.%N); "$aotn" analyze --instrument "$instrument" --responses "$work/data.csv" >/dev/null 2>&1; end=$(date +%s.%N)
  report "assess analyze (AOT native ISA, one run)" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')" "-"
fi
start=$(date +%s.%N); "$jit" analyze --instrument "$instrument" --responses "$work/data.csv" >/dev/null 2>&1; end=$(date +%s.%N)
analyze=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
report "assess analyze (JIT, one run)" "$analyze" "-"

if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(psych)' >/dev/null 2>&1; then
  cat > "$work/r.R" <<'R'
suppressMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
t0 <- Sys.time(); x <- read.csv(args[1]); items <- x[, -1]
keys <- list(); for (s in 0:5) { ids <- sprintf("Q%02d", s * 10 + 0:9); ids[c(2, 5, 8)] <- paste0("-", ids[c(2, 5, 8)]); keys[[substr("RIASEC", s + 1, s + 1)]] <- ids }
t1 <- Sys.time(); sc <- scoreItems(keys, items, min = 1, max = 5, impute = "none")
t2 <- Sys.time(); for (k in keys) { rev <- sub("-", "", k[startsWith(k, "-")]); a <- alpha(items[, sub("-", "", k)], keys = rev, n.iter = 1, check.keys = FALSE, warnings = FALSE) }
t3 <- Sys.time()
cat(sprintf("%.2f %.2f %.2f\n", as.numeric(t1 - t0, units = "secs"), as.numeric(t2 - t1, units = "secs"), as.numeric(t3 - t2, units = "secs")))
R
  read -r r_read r_score r_alpha < <(Rscript "$work/r.R" "$work/data.csv" 2>/dev/null | tail -1)
  echo "R $(Rscript -e 'cat(R.version$major, R.version$minor, sep=".")' 2>/dev/null) + psych $(Rscript -e 'cat(as.character(packageVersion("psych")))' 2>/dev/null):"
  echo "  read.csv ${r_read} s, scoreItems ${r_score} s, alpha x6 ${r_alpha} s"
  echo "  ratio R (read.csv + scoreItems) / assess score (JIT):  $(awk "BEGIN {printf \"%.1f\", ($r_read + $r_score) / $score}")x"
  if [ -n "$aot" ]; then
    echo "  ratio R (read.csv + scoreItems) / assess score (AOT):  $(awk "BEGIN {printf \"%.1f\", ($r_read + $r_score) / $aot_score}")x"
  fi
  echo "  ratio R (read.csv + alpha x6) / assess analyze:         $(awk "BEGIN {printf \"%.1f\", ($r_read + $r_alpha) / $analyze}")x"
else
  echo "R with psych not found: no ratios (apt-get install r-base-core r-cran-psych)"
fi

if [ "${2:-}" != "--no-bdn" ]; then
  dotnet run -c Release --project benchmarks/Assessments.Benchmarks -- --filter '*' --job short
fi
