import { z } from 'zod'

/** A metric id: unique in a config, used in file names, markers and annotations. */
const METRIC_ID = /^[a-z0-9._-]+$/
/** A metric id an adapter derives from a library's result file: `prefix/segment/...`, no spaces, markup or quotes. */
const ADAPTER_METRIC_ID = /^[a-z0-9._-]+(\/[A-Za-z0-9._@+=,:-]+)+$/
/** A suite name: part of artifact names and comment markers. */
export const SUITE = /^[A-Za-z0-9._-]+$/
/** An input alias of the config's `inputs:` map. */
const ALIAS = /^[A-Za-z0-9_-]+$/

export const metricIdSchema = z.string().regex(METRIC_ID, 'expected lower-case letters, digits, ".", "_" or "-"')
/** A metric id in a results or comparison file: a config's id, or an adapter's. */
export const RESULT_METRIC_ID = new RegExp(`^(?:${METRIC_ID.source.slice(1, -1)}|${ADAPTER_METRIC_ID.source.slice(1, -1)})$`)
export const resultMetricIdSchema = z
  .string()
  .max(300)
  .regex(RESULT_METRIC_ID, 'expected a metric id: lower-case letters, digits, ".", "_" or "-" (adapters add "/"-separated segments)')
export const suiteSchema = z.string().regex(SUITE, 'expected letters, digits, ".", "_" or "-"')
export const aliasSchema = z.string().regex(ALIAS, 'expected letters, digits, "_" or "-"')
