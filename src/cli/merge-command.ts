import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { mergeShards, type ShardFile } from '../engine/shards.js'
import { writeJunitFile } from '../engine/junit-file.js'
import { runPipeline } from '../engine/pipeline.js'
import { renderTerminal } from '../report/text.js'
import { readResultsFile } from '../results/io.js'
import { clearingOutputsOnFailure } from '../results/output-folder.js'
import { EXIT, type Io, PIPELINE_OPTIONS, printMetricErrors, sharedPipelineOptions, UsageError, verdictExit } from './cli-shared.js'

type MergeValues = ReturnType<typeof parseArgs<{ options: typeof PIPELINE_OPTIONS; allowPositionals: true; strict: true }>>['values']

/** `interp-gate merge`: the pipeline with the shards' results in place of computing from arrays. */
export async function mergeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: PIPELINE_OPTIONS,
    allowPositionals: true,
    strict: true
  })
  if (positionals.length === 0)
    throw new UsageError("merge needs the shards' results files: interp-gate merge out-1/results.json out-2/results.json … --out merged")
  const workspace = resolve(io.cwd, values['working-directory']!)
  return clearingOutputsOnFailure(workspace, values.out!, () => mergeWith(values, positionals, workspace, io))
}

async function mergeWith(values: MergeValues, positionals: string[], workspace: string, io: Io): Promise<number> {
  const shared = sharedPipelineOptions(values, io)
  const shards: ShardFile[] = positionals.map((file) => ({ file, results: readResultsFile(resolve(workspace, file), file) }))
  const result = await runPipeline({ ...shared, produce: mergeShards(shards, shared.config) })
  io.out(`${renderTerminal(result.comparison)}\n`)
  const junit = values.junit === undefined ? null : writeJunitFile(workspace, values.junit, result)
  io.out(`merged ${shards.length} shards; wrote ${[result.paths.results, result.paths.comparison, result.paths.report, junit].filter(Boolean).join(', ')}\n`)
  if (result.inputErrors) {
    printMetricErrors(result.results, io)
    return EXIT.usage
  }
  return verdictExit(result.comparison)
}
