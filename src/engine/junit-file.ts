import { basename, dirname } from 'node:path'
import { renderJunit } from '../report/junit.js'
import { OutputError, prepareOutputFolder, writeOutputs } from '../results/output-folder.js'
import type { PipelineResult } from './pipeline.js'

/** `--junit FILE` / input `junit`: the comparison as JUnit XML at FILE (relative to the workspace); returns its absolute path. */
export function writeJunitFile(workspace: string, file: string, result: Pick<PipelineResult, 'comparison' | 'results'>): string {
  if (file.trim() === '' || /[/\\]$/.test(file))
    throw new OutputError(`--junit ${JSON.stringify(file)}: give a file name for the JUnit XML report, e.g. interp-gate-out/junit.xml`)
  const folder = prepareOutputFolder(workspace, dirname(file))
  const xml = renderJunit(result.comparison, { timestamp: result.results.createdAt })
  return writeOutputs(folder, { [basename(file)]: xml })[0]
}
