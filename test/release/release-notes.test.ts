import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { majorTag, releaseNotes } from '../../scripts/release-notes.mjs'
import { ROOT } from '../helpers/run-action.js'

const changelog = ['# interp-gate', '', '## 0.3.0', '', '### Minor Changes', '', '- b', '', '## 0.2.1', '', '- a', ''].join('\n')

describe('release notes from CHANGELOG.md', () => {
  it('takes the section of the version, up to the next version', () => {
    expect(releaseNotes(changelog, '0.3.0')).toBe('### Minor Changes\n\n- b')
    expect(releaseNotes(changelog, '0.2.1')).toBe('- a')
  })

  it('is null for a version without a section (not a prefix match)', () => {
    expect(releaseNotes(changelog, '0.3')).toBeNull()
    expect(releaseNotes(changelog, '0.4.0')).toBeNull()
  })

  it('the package version has a section, as the release workflow requires', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(releaseNotes(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version)).toMatch(/\S/)
  })
})

describe('majorTag', () => {
  it('is v<major> of a semver version', () => {
    expect([majorTag('0.3.1'), majorTag('1.2.0'), majorTag('12.0.0-rc.1')]).toEqual(['v0', 'v1', 'v12'])
    expect(() => majorTag('v1.2.0')).toThrow('not a semver version: v1.2.0')
  })
})
