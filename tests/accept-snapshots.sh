#!/usr/bin/env bash
# Accepts every snapshot a test run left as *.received.cs: read the diff first (git diff after running this).
set -euo pipefail
cd "$(dirname "$0")"
count=0
while IFS= read -r -d '' received; do
  mv -- "$received" "${received%.received.cs}.verified.cs"
  count=$((count + 1))
done < <(find . -name '*.received.cs' -print0)
echo "accepted $count snapshot(s)"
