// The history branch's backoff is a wait like the others: it scales with the clients' unit (INTERP_GATE_RETRY_BASE_MS).
import { describe, expect, it } from 'vitest'
import type { CoreLike } from '../../src/action/core-inputs.js'
import { openHistoryStore } from '../../src/action/record-history.js'
import type { Settings } from '../../src/action/settings.js'
import type { GitHubClients } from '../../src/github/api.js'
import { apiTiming } from '../../src/github/clients.js'
import type { RunContext } from '../../src/github/context.js'
import { BranchStore } from '../../src/github/history-branch.js'

const settings = { history: { kind: 'branch' }, historyBranch: 'interp-gate-history', historyKeep: 50 } as Settings
const ctx = { repo: { owner: 'o', repo: 'r' } } as RunContext
const core = { info: () => {} } as unknown as CoreLike
const clients = (waitUnitMs?: number) => ({ api: {}, artifacts: {}, ...(waitUnitMs === undefined ? {} : { waitUnitMs }) }) as GitHubClients

describe('history branch backoff', () => {
  it('is half a wait unit', () => {
    const store = openHistoryStore(core, settings, '/ws', clients(apiTiming({ INTERP_GATE_RETRY_BASE_MS: '5' }).unitMs), ctx)
    expect(store).toBeInstanceOf(BranchStore)
    expect((store as BranchStore).options.backoffMs).toBe(2.5)
  })
  it('keeps the branch default (500 ms) when the clients do not say their unit', () => {
    expect((openHistoryStore(core, settings, '/ws', clients(), ctx) as BranchStore).options.backoffMs).toBeUndefined()
  })
})
