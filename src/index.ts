import * as core from '@actions/core'
import { apiTiming, createGitHubClients } from './github/clients.js'
import { bundledParallel } from './engine/worker-start.js'
import { run } from './action/run-action.js'

await run({ core, env: process.env, github: (token) => createGitHubClients(token, core, apiTiming(process.env)), parallel: bundledParallel(import.meta.url) })
