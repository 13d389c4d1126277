// Projects, environments and log groups; loaded once and shared by the pages. Until the load answers, the list
// this browser loaded last stands in for it (lib/projectsCache.ts).

import { ref, type Ref } from 'vue'
import { PROJECTS_QUERY } from '../graphql/operations'
import type { Project, ProjectsResult } from '../graphql/types'
import { errorMessage, graphqlRequest } from './useGraphql'
import { browserStorage, readProjects, writeProjects } from '../lib/projectsCache'

const projects = ref<Project[]>(readProjects(browserStorage()))
const loading = ref(false)
const error = ref<string | null>(null)
let pending: Promise<void> | null = null

async function load(force = false): Promise<void> {
  if (pending && !force) return pending
  pending = (async () => {
    loading.value = true
    error.value = null
    try {
      const data = await graphqlRequest<ProjectsResult>(PROJECTS_QUERY)
      projects.value = data.projects
      writeProjects(browserStorage(), data.projects)
    } catch (e) {
      error.value = errorMessage(e)
      pending = null
    } finally {
      loading.value = false
    }
  })()
  return pending
}

export function groupsOf(list: Project[], project: string | null, env: string | null): string[] {
  const p = list.find((x) => x.name === project)
  const e = p?.environments.find((x) => x.name === env)
  return e ? e.logGroups.map((g) => g.name) : []
}

export function useProjects(): {
  projects: Ref<Project[]>
  loading: Ref<boolean>
  error: Ref<string | null>
  load: (force?: boolean) => Promise<void>
} {
  void load()
  return { projects, loading, error, load }
}
