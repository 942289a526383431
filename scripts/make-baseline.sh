#!/usr/bin/env bash
# Rebuilds an example's baseline/results.json: the main branch's artifacts through the same config, as the base
# branch's CI run would. Usage: scripts/make-baseline.sh examples/quickstart eval-out
set -euo pipefail
example=$(cd "$1" && pwd)
artifacts=$2
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$example/generate.py" --variant main --out "$tmp/$artifacts"
cp "$example/interp-gate.yml" "$tmp/"
SOURCE_DATE_EPOCH=1795651200 node "$root/dist/cli.js" run -C "$tmp" --out out \
  --commit 4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39 --ref refs/heads/main > /dev/null || [ $? -eq 1 ]
mkdir -p "$example/baseline"
cp "$tmp/out/results.json" "$example/baseline/results.json"
echo "wrote $example/baseline/results.json"
