// The projects list as this browser last loaded it, kept in localStorage: an explore URL searches its groups at
// once instead of waiting for the list first (one round trip before the first rows), and the fresh list that
// follows replaces it, searching again only if the groups changed.

import type { Environment, Project } from '../graphql/types'

export const PROJECTS_KEY = 'jinju.projects'

function isNamed(x: unknown): x is { name: string } {
  return typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string'
}

function isEnvironment(x: unknown): x is Environment {
  const groups = isNamed(x) ? (x as { logGroups?: unknown }).logGroups : null
  return Array.isArray(groups) && groups.every(isNamed)
}

function isProject(x: unknown): x is Project {
  const envs = isNamed(x) ? (x as { environments?: unknown }).environments : null
  return Array.isArray(envs) && envs.every(isEnvironment)
}

/** A parsed value shaped like the Projects query's answer (anything else in storage is ignored). */
export function isProjectList(value: unknown): value is Project[] {
  return Array.isArray(value) && value.every(isProject)
}

/** The remembered list, or an empty one when there is none, storage is unavailable or holds something else. */
export function readProjects(storage: Pick<Storage, 'getItem'> | null): Project[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(PROJECTS_KEY) ?? 'null')
    return isProjectList(value) ? value : []
  } catch {
    return []
  }
}

/** Remembers the list; a full or disabled storage only loses the head start. */
export function writeProjects(storage: Pick<Storage, 'setItem'> | null, list: Project[]): void {
  try {
    storage?.setItem(PROJECTS_KEY, JSON.stringify(list))
  } catch {
    // quota or privacy mode: nothing to remember
  }
}

/** Forgets the list when the user signs out: the next session, perhaps someone else's, loads its own. */
export function forgetProjects(storage: Pick<Storage, 'removeItem'> | null): void {
  try {
    storage?.removeItem(PROJECTS_KEY)
  } catch {
    // storage disabled: nothing was kept
  }
}

/** The browser's localStorage, or null where reading it throws (storage disabled). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
