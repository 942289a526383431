#!/usr/bin/env bash
# Rebuilds baseline/results.json: main's artifacts through the same config, as the base branch's CI run would.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/generate.py" --variant main --out "$tmp/eval-out"
cp "$here/interp-gate.yml" "$tmp/"
SOURCE_DATE_EPOCH=1795651200 node "$here/../../dist/cli.js" run -C "$tmp" --out out \
  --commit 4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39 --ref refs/heads/main > /dev/null || true
mkdir -p "$here/baseline"
cp "$tmp/out/results.json" "$here/baseline/results.json"
echo "wrote $here/baseline/results.json"
