import { readdirSync } from 'node:fs'
import { DefaultArtifactClient } from '@actions/artifact'
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Api, ArtifactStore, GitHubClients } from './api.js'

export interface ClientLog {
  info(message: string): void
  warning(message: string): void
}

/**
 * Octokit (GITHUB_API_URL, proxy-aware) that retries 5xx with backoff and waits out secondary rate limits.
 * INTERP_GATE_RETRY_BASE_MS scales every wait; only the tests set it, to keep backoff fast.
 */
export function createApi(token: string, env: Record<string, string | undefined>, log: ClientLog): Api {
  const base = Number(env.INTERP_GATE_RETRY_BASE_MS) > 0 ? Number(env.INTERP_GATE_RETRY_BASE_MS) : 1000
  const Octokit = GitHub.plugin(retry, throttling)
  const octokit = new Octokit(
    getOctokitOptions(token, {
      retry: { retries: 3, retryAfterBaseValue: base },
      throttle: {
        retryAfterBaseValue: base,
        onRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log.warning(`GitHub API rate limit hit on ${options.method} ${options.url}; ${retryCount < 1 && after <= 60 ? `retrying in ${after} s` : 'giving up'}`)
          return retryCount < 1 && after <= 60
        },
        onSecondaryRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log.info(`GitHub API secondary rate limit on ${options.method} ${options.url}; retrying in ${after} s`)
          return retryCount < 2
        }
      }
    })
  )
  return octokit
}

/** @actions/artifact: upload through the runtime's results service, download another run's zip through the REST API. */
export function createArtifactStore(token: string): ArtifactStore {
  const client = new DefaultArtifactClient()
  return {
    async upload(name, files, rootDirectory) {
      const { id, size } = await client.uploadArtifact(name, files, rootDirectory)
      return { id, size }
    },
    async download(id, from, into) {
      // skipDecompress: we unzip ourselves, only the files we want and within size caps.
      await client.downloadArtifact(id, {
        path: into,
        skipDecompress: true,
        findBy: { token, workflowRunId: from.runId, repositoryOwner: from.owner, repositoryName: from.repo }
      })
      if (readdirSync(into).length !== 1) throw new Error(`expected one downloaded file in ${into}`)
    }
  }
}

export function createGitHubClients(token: string, env: Record<string, string | undefined>, log: ClientLog): GitHubClients {
  return { api: createApi(token, env, log), artifacts: createArtifactStore(token) }
}
