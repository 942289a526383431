import * as core from '@actions/core'
import { createGitHubClients } from './github/clients.js'
import { bundledParallel } from './engine/worker-start.js'
import { run } from './main.js'

await run({ core, env: process.env, github: (token) => createGitHubClients(token, process.env, core), parallel: bundledParallel(import.meta.url) })
