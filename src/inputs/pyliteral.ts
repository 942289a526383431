/** A Python literal as found in a .npy header: dicts, tuples/lists (both arrays), strings, ints, True/False/None. */
export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue }

/** Parses one Python literal (the repr numpy writes); throws a plain Error with the offset on anything else. */
export function parsePyLiteral(text: string): PyValue {
  let pos = 0

  const skipSpace = (): void => {
    while (pos < text.length && /\s/.test(text[pos])) pos++
  }
  const bad = (what: string): never => {
    throw new Error(`${what} at offset ${pos}`)
  }
  const expect = (ch: string): void => {
    skipSpace()
    if (text[pos] !== ch) bad(`expected "${ch}"`)
    pos++
  }

  const parseString = (): string => {
    const quote = text[pos++]
    let out = ''
    while (pos < text.length && text[pos] !== quote) {
      if (text[pos] !== '\\') {
        out += text[pos++]
        continue
      }
      const esc = text[pos + 1]
      pos += 2
      if (esc === 'x' || esc === 'u') {
        const len = esc === 'x' ? 2 : 4
        const hex = text.slice(pos, pos + len)
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) bad('bad escape')
        out += String.fromCharCode(parseInt(hex, 16))
        pos += len
      } else {
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' }
        out += simple[esc] ?? bad('bad escape')
      }
    }
    if (pos >= text.length) bad('unterminated string')
    pos++
    return out
  }

  // Tuples and lists close with different brackets but mean the same here.
  const parseSequence = (close: string): PyValue[] => {
    const items: PyValue[] = []
    for (;;) {
      skipSpace()
      if (text[pos] === close) break
      items.push(parseValue())
      skipSpace()
      if (text[pos] === ',') pos++
      else if (text[pos] !== close) bad(`expected "," or "${close}"`)
    }
    pos++
    return items
  }

  const parseDict = (): { [key: string]: PyValue } => {
    const dict: { [key: string]: PyValue } = {}
    for (;;) {
      skipSpace()
      if (text[pos] === '}') break
      const key = parseValue()
      if (typeof key !== 'string') bad('dict key is not a string')
      expect(':')
      dict[key as string] = parseValue()
      skipSpace()
      if (text[pos] === ',') pos++
      else if (text[pos] !== '}') bad('expected "," or "}"')
    }
    pos++
    return dict
  }

  const parseValue = (): PyValue => {
    skipSpace()
    const ch = text[pos]
    if (ch === '{') {
      pos++
      return parseDict()
    }
    if (ch === '(' || ch === '[') {
      pos++
      return parseSequence(ch === '(' ? ')' : ']')
    }
    if (ch === "'" || ch === '"') return parseString()
    // Python 2 era headers write longs as "3L".
    const number = /^-?\d+L?/.exec(text.slice(pos, pos + 32))
    if (number) {
      pos += number[0].length
      return Number(number[0].replace('L', ''))
    }
    for (const [word, value] of [
      ['True', true],
      ['False', false],
      ['None', null]
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length
        return value
      }
    }
    return bad('unexpected character')
  }

  const value = parseValue()
  skipSpace()
  if (pos !== text.length) bad('trailing text')
  return value
}
