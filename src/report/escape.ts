/**
 * Text from artifacts or config goes into markdown as inert text: no table breaking, no HTML, no links, no
 * @-mentions that ping people, no emphasis tricks.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~<>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/@/g, '@\u200b')
    .replace(/:\/\//g, ':\u200b//')
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
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/@/g, '@\u200b').replace(/[\r\n]+/g, ' ')
}
