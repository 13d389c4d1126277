// URL <-> explore state: the route's query string is the single source of truth.

import { computed, type ComputedRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import {
  parseExploreQuery,
  serializeExploreState,
  type ExploreState,
} from '../lib/urlState'

export interface UpdateOptions {
  /** replace the history entry instead of pushing (e.g. j/k moving the selection) */
  replace?: boolean
}

export function useExploreState(): {
  state: ComputedRef<ExploreState>
  update: (patch: Partial<ExploreState>, options?: UpdateOptions) => Promise<void>
} {
  const route = useRoute()
  const router = useRouter()
  const state = computed(() => parseExploreQuery(route.query))

  async function update(patch: Partial<ExploreState>, options: UpdateOptions = {}): Promise<void> {
    const next: ExploreState = { ...state.value, ...patch }
    const location = { path: route.path, query: serializeExploreState(next) }
    await (options.replace ? router.replace(location) : router.push(location))
  }

  return { state, update }
}
