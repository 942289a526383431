/** `import text from './file?raw'`: the file's text, inlined at build time (rollup.config.js, vite in tests). */
declare module '*?raw' {
  const text: string
  export default text
}
