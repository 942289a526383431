/**
 * Text from artifacts or config goes into markdown as inert text: no table breaking, no HTML, no links, no
 * @-mentions that ping people, no emphasis tricks.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/[\\`*_{}[\]()#+!|~<>]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      .replace(/@/g, '@\u200b')
      .replace(/:\/\//g, ':\u200b//')
      // GFM also links a bare "www.", and inside that link the backslash escapes above stop working (\<img … became HTML).
      .replace(/www\./gi, (w) => `${w.slice(0, 3)}\u200b.`)
  )
}

/** For code spans: backticks can't be escaped inside one, so they are replaced. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``
}

/** A code span inside a table cell: GFM splits cells at any unescaped pipe, even within code. */
export function codeCell(text: string): string {
  return codeSpan(text).replace(/\|/g, '\\|')
}

/** For text inside HTML elements (<summary>), where markdown escapes would show literally. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, '@\u200b')
    .replace(/[\r\n]+/g, ' ')
}

/** C0/C1 controls other than newline and tab: ESC sequences recolour or rewrite the terminal, CR overwrites a line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * Text for a terminal or a CI log: controls become "?", and a line that would start with "::" or "##["
 * (a GitHub Actions workflow command such as ::error or ::add-mask) gets a zero-width space so the runner prints it instead.
 */
export function neutraliseTerminal(text: string): string {
  return text.replace(CONTROL, '?').replace(/^([ \t]*)(::|##\[)/gm, (_, space: string, command: string) => `${space}${command[0]}\u200b${command.slice(1)}`)
}
