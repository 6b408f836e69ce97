#!/usr/bin/env bash
# Installs HAProxy, the local target's sidecar (2.6 or newer), from the distribution's packages when it is missing.
# Runs apt-get as root, or through sudo for a user that has it (hosted CI runners); prints the version in use.
#   usage: ci/scripts/install-haproxy.sh
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install-haproxy: haproxy is missing and $(id -un) is neither root nor has sudo; install the haproxy package (2.6 or newer) as root" >&2
    exit 1
  fi
}

if ! command -v haproxy >/dev/null 2>&1; then
  echo "install-haproxy: installing the haproxy package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends haproxy
fi

# "HAProxy version 2.6.12-1+deb12u1 2023/..." -> 2.6
version="$(haproxy -v | head -1 | sed -n 's/^HAProxy version \([0-9]*\.[0-9]*\).*/\1/p')"
major="${version%%.*}"
minor="${version#*.}"
if [ -z "$version" ] || [ "$major" -lt 2 ] || { [ "$major" -eq 2 ] && [ "$minor" -lt 6 ]; }; then
  echo "install-haproxy: $(haproxy -v | head -1) is too old or unreadable: the local target needs HAProxy 2.6 or newer" >&2
  exit 1
fi
haproxy -v | head -1
