#!/usr/bin/env bash
# Appends a Markdown file (the upgrade diff) to the run's summary page ($GITHUB_STEP_SUMMARY on GitHub Actions);
# prints it when there is no summary page (a local run). A missing file is said, not an error: the build's own
# result already tells pass or fail, and a build that failed early writes no diff.
#   usage: ci/scripts/publish-summary.sh FILE.md
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: publish-summary.sh FILE.md" >&2
  exit 2
fi
file="$1"
if [ ! -f "$file" ]; then
  echo "publish-summary: no $file (the run wrote none): nothing to publish"
  exit 0
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  { cat "$file"; echo; } >> "$GITHUB_STEP_SUMMARY"
  echo "publish-summary: $file added to the run's summary"
else
  cat "$file"
fi
