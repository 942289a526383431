import { describe, expect, it } from 'vitest'
import { aliasSchema } from '../../src/domain/ids.js'

describe('input aliases', () => {
  it.each(['a', 'ab', 'Base_2', '-x-'])('accepts %j (letters, digits, "_", "-")', (alias) => {
    expect(aliasSchema.safeParse(alias).success).toBe(true)
  })

  it.each(['', 'ab.', '.ab', 'a b', 'a/b'])('rejects %j, anywhere in the alias', (alias) => {
    expect(aliasSchema.safeParse(alias).success).toBe(false)
  })
})
