import { z } from 'zod'

/** A metric id: unique in a config, used in file names, markers and annotations. */
export const METRIC_ID = /^[a-z0-9._-]+$/
/** A suite name: part of artifact names and comment markers. */
export const SUITE = /^[A-Za-z0-9._-]+$/
/** An input alias of the config's `inputs:` map. */
export const ALIAS = /^[A-Za-z0-9_-]+$/

export const metricIdSchema = z.string().regex(METRIC_ID, 'expected lower-case letters, digits, ".", "_" or "-"')
export const suiteSchema = z.string().regex(SUITE, 'expected letters, digits, ".", "_" or "-"')
export const aliasSchema = z.string().regex(ALIAS, 'expected letters, digits, "_" or "-"')
