#!/usr/bin/env bash
# Checks the upgrade gate's inputs before anything uses them: the mesh is a known target and both versions are
# plain version strings (digits, dots, an optional channel prefix and pre-release suffix), nothing a shell could run.
# The inputs come through the environment (never spliced into a script):
#   MESH=istio FROM_VERSION=1.26.3 TO_VERSION=1.27.1 ci/scripts/validate-upgrade-inputs.sh
set -euo pipefail

# 1.27.1, v1.27.1, 1.28.0-beta.1, stable-2.14.10, edge-25.8.1, 2025.8.1
version_pattern='^(stable-|edge-)?v?[0-9]+(\.[0-9]+){1,3}(-[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)?$'

problems=()
case "${MESH:-}" in
  istio | linkerd | local) ;;
  "") problems+=("MESH is not set: use istio, linkerd or local") ;;
  *) problems+=("MESH '${MESH}' is not a target: use istio, linkerd or local") ;;
esac
for name in FROM_VERSION TO_VERSION; do
  value="${!name:-}"
  if [ -z "$value" ]; then
    problems+=("$name is not set: give a version such as 1.27.1")
  elif ! [[ "$value" =~ $version_pattern ]]; then
    problems+=("$name '$value' is not a version: use digits and dots with an optional stable-/edge- prefix and -suffix, such as 1.27.1, 1.28.0-beta.1 or edge-25.8.1")
  fi
done
if [ ${#problems[@]} -eq 0 ] && [ "$FROM_VERSION" = "$TO_VERSION" ]; then
  problems+=("FROM_VERSION and TO_VERSION are both '$FROM_VERSION': an upgrade gate needs two different versions")
fi

if [ ${#problems[@]} -gt 0 ]; then
  for p in "${problems[@]}"; do
    echo "validate-upgrade-inputs: $p" >&2
  done
  exit 1
fi
echo "upgrade gate: $MESH $FROM_VERSION -> $TO_VERSION"
