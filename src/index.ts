import * as core from '@actions/core'
import { apiTiming, createGitHubClients } from './github/clients.js'
import { run } from './action/main.js'

await run({ core, env: process.env, github: (token) => createGitHubClients(token, core, apiTiming(process.env)) })
