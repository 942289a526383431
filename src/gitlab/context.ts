import { GitLabError } from './api.js'

/**
 * The GitLab CI job this runs in, from GitLab's predefined CI/CD variables (doc/ci/variables/predefined_variables.md):
 * CI_API_V4_URL, CI_PROJECT_ID, CI_PROJECT_DIR, CI_COMMIT_SHA, CI_COMMIT_REF_NAME, CI_JOB_NAME, and in merge request
 * pipelines CI_MERGE_REQUEST_IID, CI_MERGE_REQUEST_PROJECT_ID (the target project), CI_MERGE_REQUEST_SOURCE_PROJECT_ID
 * and CI_MERGE_REQUEST_TARGET_BRANCH_NAME.
 */
export interface GitLabContext {
  apiUrl: string
  /** The project the pipeline runs in (a fork's own pipeline runs in the fork). */
  projectId: string
  projectDir: string | null
  commitSha: string | null
  refName: string | null
  jobName: string | null
  mergeRequest: {
    iid: string
    /** The target project, where the note goes and the target branch's artifact lives. */
    projectId: string
    targetBranch: string
    /** The source project differs from the target: the merge request comes from a fork. */
    fork: boolean
  } | null
}

type Env = Record<string, string | undefined>

const value = (env: Env, name: string) => (env[name] === undefined || env[name]!.trim() === '' ? null : env[name]!.trim())

export function gitlabContext(env: Env): GitLabContext {
  const apiUrl = value(env, 'CI_API_V4_URL')
  const projectId = value(env, 'CI_PROJECT_ID')
  if (!apiUrl || !projectId) {
    const missing = [apiUrl ? null : 'CI_API_V4_URL', projectId ? null : 'CI_PROJECT_ID'].filter(Boolean).join(' and ')
    throw new GitLabError(
      `interp-gate gitlab runs inside a GitLab CI job, which sets ${missing}; elsewhere use \`interp-gate run\` (with --junit for other CIs)`,
      undefined
    )
  }
  const iid = value(env, 'CI_MERGE_REQUEST_IID')
  let mergeRequest: GitLabContext['mergeRequest'] = null
  if (iid) {
    if (!/^\d+$/.test(iid)) throw new GitLabError(`CI_MERGE_REQUEST_IID must be a merge request number, got ${JSON.stringify(iid)}`, undefined)
    const target = value(env, 'CI_MERGE_REQUEST_PROJECT_ID') ?? projectId
    const source = value(env, 'CI_MERGE_REQUEST_SOURCE_PROJECT_ID') ?? projectId
    const targetBranch = value(env, 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME')
    if (!targetBranch)
      throw new GitLabError('CI_MERGE_REQUEST_IID is set but CI_MERGE_REQUEST_TARGET_BRANCH_NAME is not; is this a merge request pipeline?', undefined)
    mergeRequest = { iid, projectId: target, targetBranch, fork: source !== target }
  }
  return {
    apiUrl,
    projectId,
    projectDir: value(env, 'CI_PROJECT_DIR'),
    commitSha: value(env, 'CI_COMMIT_SHA'),
    refName: value(env, 'CI_COMMIT_REF_NAME'),
    jobName: value(env, 'CI_JOB_NAME'),
    mergeRequest
  }
}
