import { describe, expect, it } from 'vitest'
import { findStickyNote, neutraliseQuickActions } from '../../src/gitlab/notes.js'

describe('merge request notes', () => {
  it('a line that would start with a quick action becomes plain text; "/" elsewhere is kept', () => {
    expect(neutraliseQuickActions('report\n/merge\n  /close now\na/b /c')).toBe('report\n\u200b/merge\n  \u200b/close now\na/b /c')
  })

  it('the sticky note: ours (by author), not a system note, starting with the marker', () => {
    const marker = '<!-- interp-gate:suite=s -->'
    const notes = [
      { id: 1, body: `${marker}\nby someone else`, author: { id: 5 } },
      { id: 2, body: `${marker}\nsystem`, system: true, author: { id: 42 } },
      { id: 3, body: `quoted ${marker}`, author: { id: 42 } },
      { id: 4, body: `  ${marker}\nours`, author: { id: 42 } }
    ]
    expect(findStickyNote(notes, marker, 42)?.id).toBe(4)
    // When GET /user is refused, any non-system note starting with the marker is ours.
    expect(findStickyNote(notes, marker, null)?.id).toBe(1)
    expect(findStickyNote(notes, '<!-- interp-gate:suite=t -->', 42)).toBeUndefined()
  })
})
