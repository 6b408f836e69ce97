#!/usr/bin/env bash
# The negative control of the shellcheck test: unquoted expansions and a cd that may fail.
cd $1
for f in $(ls *.json); do
  cat $f
done
