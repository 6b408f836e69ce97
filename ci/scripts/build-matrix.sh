#!/usr/bin/env bash
# Builds the features-by-targets matrix (matrix.json, matrix.html) from every conformance-report.json found under
# the directories given (downloaded report artifacts, or scenarios/target/mesh-conformance after a local run),
# with the reports module's ReportTool.
#   usage: ci/scripts/build-matrix.sh --out DIR REPORT_ROOT...
set -euo pipefail

usage="usage: build-matrix.sh --out DIR REPORT_ROOT..."
if [ $# -lt 3 ] || [ "$1" != "--out" ]; then
  echo "$usage" >&2
  exit 2
fi
out="$(realpath -m -- "$2")"
shift 2

reports=()
for root in "$@"; do
  if [ ! -d "$root" ]; then
    echo "build-matrix: $root is not a directory" >&2
    exit 2
  fi
  while IFS= read -r dir; do
    reports+=("$dir")
  done < <(find "$(realpath -- "$root")" -name conformance-report.json -type f -printf '%h\n' | sort -u)
done
if [ ${#reports[@]} -eq 0 ]; then
  echo "build-matrix: no conformance-report.json under $*: did any target's run write its report?" >&2
  exit 1
fi
for dir in "$out" "${reports[@]}"; do
  case "$dir" in
    *[[:space:]]*)
      # exec.args splits on whitespace
      echo "build-matrix: '$dir' contains whitespace: use a path without spaces" >&2
      exit 2 ;;
  esac
done

echo "build-matrix: ${#reports[@]} report(s): ${reports[*]}"
cd "$(dirname "$0")/../.."
mvn -B -q -pl reports compile exec:java -Dexec.mainClass=io.meshproof.report.cli.ReportTool \
  -Dexec.args="matrix --out $out ${reports[*]}"
