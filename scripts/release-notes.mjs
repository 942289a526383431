#!/usr/bin/env node
// Prints the CHANGELOG.md section of one version (the release notes), or fails naming what is missing.
// Usage: node scripts/release-notes.mjs <version> [CHANGELOG.md]
import { readFileSync } from 'node:fs'

/** The body under `## <version>` up to the next `## ` heading, trimmed; null when there is no such section. */
export function releaseNotes(changelog, version) {
  const lines = changelog.split('\n')
  const start = lines.findIndex((l) => l.trim() === `## ${version}`)
  if (start < 0) return null
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '))
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim()
}

/** The moving major tag of a version: 0.3.1 -> v0, 1.2.0 -> v1. */
export function majorTag(version) {
  const m = /^(\d+)\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.exec(version)
  if (!m) throw new Error(`not a semver version: ${version}`)
  return `v${m[1]}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2)
  if (!version) {
    console.error('usage: node scripts/release-notes.mjs <version> [CHANGELOG.md]')
    process.exit(2)
  }
  const notes = releaseNotes(readFileSync(file, 'utf8'), version.replace(/^v/, ''))
  if (!notes) {
    console.error(`${file}: no "## ${version.replace(/^v/, '')}" section: run "npm run version-packages" (changeset version) and commit before tagging`)
    process.exit(2)
  }
  console.log(notes)
}
