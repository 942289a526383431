import { describeGitLabError, type GitLabClient } from './api.js'

export interface ArtifactFile {
  projectId: string
  /** Branch or tag whose latest successful pipeline holds the artifact. */
  ref: string
  /** The job that saved it. */
  job: string
  /** Path of the file inside the job's artifacts archive. */
  path: string
  tokenName: string
}

/**
 * One file of the artifacts of `job` in the latest successful pipeline of `ref`
 * (GET /projects/:id/jobs/artifacts/:ref_name/raw/*artifact_path?job=name, GitLab doc/api/job_artifacts.md).
 * null when there is none yet (404: no successful pipeline on the branch, no such job, or the file is not in its artifacts).
 */
export async function downloadArtifactFile(client: GitLabClient, file: ArtifactFile): Promise<Uint8Array | null> {
  const path = file.path.split('/').map(encodeURIComponent).join('/')
  const response = await client.request('GET', `/projects/${encodeURIComponent(file.projectId)}/jobs/artifacts/${encodeURIComponent(file.ref)}/raw/${path}`, {
    query: { job: file.job }
  })
  if (response.status === 404) return null
  if (response.status !== 200)
    throw describeGitLabError(response, `download ${file.path} from job "${file.job}" of ${file.ref}'s latest successful pipeline`, 'read_api', file.tokenName)
  return response.body
}
