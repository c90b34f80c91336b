#!/usr/bin/env bash
# Coverage-guided fuzzing with AFL++ and SharpFuzz, for long local runs (the bounded random fuzzers run in the tests).
#
#   tests/Assessments.Fuzz/run.sh TARGET [SECONDS]      targets: instrument csv onet-occupations onet-interests rome-titles catalog-json
#
# Needs afl-fuzz (Debian: apt-get install afl++); installs the sharpfuzz tool (SharpFuzz.CommandLine) under .tools/.
# Publishes the harness, instruments our assemblies and Sep, seeds a corpus from the shipped files and ../shared/data,
# and runs afl-fuzz for SECONDS (default 600). Crashes land in tests/Assessments.Fuzz/findings/TARGET/default/crashes;
# replay one with: dotnet run --project tests/Assessments.Fuzz -- TARGET --replay FILE
set -euo pipefail
target=${1:?usage: run.sh TARGET [SECONDS]}
seconds=${2:-600}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=$(cd "$root/.." && pwd)/shared

command -v afl-fuzz >/dev/null || { echo "afl-fuzz is not installed (Debian: apt-get install afl++)" >&2; exit 2; }
tools="$root/.tools"
[ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --tool-path "$tools"

out="$here/bin/afl"
rm -rf "$out"
dotnet publish "$here" -c Release -o "$out" --nologo -v quiet
for dll in Assessments.dll Assessments.Matching.dll assess.dll Sep.dll; do
  "$tools/sharpfuzz" "$out/$dll"
done

corpus="$here/bin/corpus-$target"
rm -rf "$corpus" && mkdir -p "$corpus"
case "$target" in
  instrument) cp "$root"/instruments/*.json "$corpus"/ ;;
  csv) cp "$root"/tests/Assessments.Cli.Tests/Fuzz/regressions/*.csv "$corpus"/
       printf 'id,I1,I2,I3\np1,1,2,3\np2,"4",,5\r\np3,x,2\n' > "$corpus/small.csv" ;;
  onet-occupations) head -c 4000 "$shared/data/onet/30.1/Occupation Data.txt" > "$corpus/occupations.txt" ;;
  onet-interests) head -c 4000 "$shared/data/onet/30.1/Interests.txt" > "$corpus/interests.txt" ;;
  rome-titles) head -c 4000 "$shared"/data/rome/v460/unix_referentiel_code_rome_v460_utf8.csv > "$corpus/titles.csv" ;;
  catalog-json) cp "$root"/instruments/catalogs/starter-occupations.json "$corpus"/ ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac

findings="$here/findings/$target"
mkdir -p "$findings"
AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 \
  afl-fuzz -i "$corpus" -o "$findings" -t 10000 -m none -V "$seconds" -- "$out/Assessments.Fuzz" "$target"
rm -rf "${TMPDIR:-/tmp}"/assess-fuzz-*
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "$target: $crashes crash(es) in $findings/default/crashes"
[ "$crashes" -eq 0 ]
