import { readdirSync } from 'node:fs'
import { DefaultArtifactClient } from '@actions/artifact'
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import type { Api, ArtifactStore, GitHubClients } from './api.js'

export interface ClientLog {
  info(message: string): void
  warning(message: string): void
}

/** How long the clients wait: every wait (retry backoff, rate-limit retry-after, octokit's spacing between writes) is in units of `unitMs`. */
export interface ApiTiming {
  unitMs: number
}

/** Real seconds; only the tests shorten the unit (INTERP_GATE_RETRY_BASE_MS), so retries and write spacing don't make them slow. */
export function apiTiming(env: Record<string, string | undefined>): ApiTiming {
  const unitMs = Number(env.INTERP_GATE_RETRY_BASE_MS)
  return { unitMs: unitMs > 0 ? unitMs : 1000 }
}

/**
 * Octokit (proxy-aware) that retries 5xx with backoff and waits out secondary rate limits. `baseUrl` defaults to
 * GITHUB_API_URL as @actions/github read it when loaded.
 */
export function createApi(token: string, log: ClientLog, timing: ApiTiming = apiTiming({}), baseUrl?: string): Api {
  const base = timing.unitMs
  const Octokit = GitHub.plugin(retry, throttling)
  const octokit = new Octokit(
    getOctokitOptions(token, {
      ...(baseUrl ? { baseUrl } : {}),
      retry: { retries: 3, retryAfterBaseValue: base },
      throttle: {
        retryAfterBaseValue: base,
        // The plugin's own groups, with their spacing (1 s between writes, 3 s between writes that notify, such as
        // comments, 2 s between searches) scaled to the unit.
        write: new Bottleneck.Group({ id: 'octokit-write', maxConcurrent: 1, minTime: base, timeout: 120_000 }),
        notifications: new Bottleneck.Group({ id: 'octokit-notifications', maxConcurrent: 1, minTime: 3 * base, timeout: 120_000 }),
        search: new Bottleneck.Group({ id: 'octokit-search', maxConcurrent: 1, minTime: 2 * base, timeout: 120_000 }),
        onRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log.warning(
            `GitHub API rate limit hit on ${options.method} ${options.url}; ${retryCount < 1 && after <= 60 ? `retrying in ${after} s` : 'giving up'}`
          )
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
function createArtifactStore(token: string): ArtifactStore {
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

export function createGitHubClients(token: string, log: ClientLog, timing?: ApiTiming): GitHubClients {
  return { api: createApi(token, log, timing), artifacts: createArtifactStore(token), waitUnitMs: (timing ?? apiTiming({})).unitMs }
}
