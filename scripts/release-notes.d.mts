export function releaseNotes(changelog: string, version: string): string | null
export function majorTag(version: string): string
