// Node module hooks so a child process can run the TypeScript sources directly (node --import this file):
// "./x.js" imports resolve to "./x.ts", and .ts files are transpiled with the project's typescript.
import { readFile } from 'node:fs/promises'
import * as nodeModule from 'node:module'
import { fileURLToPath } from 'node:url'

if (!globalThis.__interpGateTsHooks) {
  globalThis.__interpGateTsHooks = true
  nodeModule.register(import.meta.url, import.meta.url)
}

export async function resolve(specifier, context, next) {
  if (specifier.endsWith('?raw')) {
    const target = await next(specifier.slice(0, -4), context)
    return { url: `${target.url}?raw`, shortCircuit: true }
  }
  if (specifier.endsWith('.js') && (specifier.startsWith('.') || specifier.startsWith('file:')) && context.parentURL?.endsWith('.ts')) {
    try {
      return await next(specifier.slice(0, -3) + '.ts', context)
    } catch {}
  }
  return next(specifier, context)
}

let ts
export async function load(url, context, next) {
  if (url.endsWith('?raw')) {
    const text = await readFile(fileURLToPath(url.slice(0, -4)), 'utf8')
    return { format: 'module', source: `export default ${JSON.stringify(text)}`, shortCircuit: true }
  }
  if (!url.endsWith('.ts')) return next(url, context)
  const source = await readFile(fileURLToPath(url), 'utf8')
  // Node's own type stripping (no typescript load per child process) where it exists; typescript elsewhere.
  if (nodeModule.stripTypeScriptTypes) {
    const warn = process.emitWarning
    process.emitWarning = () => {}
    try {
      return { format: 'module', source: nodeModule.stripTypeScriptTypes(source, { mode: 'transform' }), shortCircuit: true }
    } finally {
      process.emitWarning = warn
    }
  }
  ts ??= (await import('typescript')).default
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: fileURLToPath(url)
  })
  return { format: 'module', source: out.outputText, shortCircuit: true }
}
