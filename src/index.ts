import * as core from '@actions/core'
import { createGitHubClients } from './github/clients.js'
import { run } from './action/main.js'

await run({ core, env: process.env, github: (token) => createGitHubClients(token, process.env, core) })
