import { rmSync } from 'node:fs'
import { build } from 'rolldown'
import { bundleConfig } from '../../rolldown.config.js'
import { TEST_BUNDLE } from '../helpers/run-action.js'

/** vitest globalSetup of the e2e project: the e2e tests run a bundle of the current source, never the committed dist/. */
export default async function buildTestBundle(): Promise<void> {
  rmSync(TEST_BUNDLE, { recursive: true, force: true })
  await build(bundleConfig(TEST_BUNDLE))
}
