#!/usr/bin/env bash
# Accepts every snapshot a test run left as *.received.cs or *.received.txt: read the diff first (git diff after running this).
set -euo pipefail
cd "$(dirname "$0")"
count=0
while IFS= read -r -d '' received; do
  mv -- "$received" "${received/%.received.${received##*.}/.verified.${received##*.}}"
  count=$((count + 1))
done < <(find . \( -name '*.received.cs' -o -name '*.received.txt' \) -print0)
echo "accepted $count snapshot(s)"
