// Cursor paging over `events(filter, first, after)`; pages are appended as the list scrolls.

import { ref, shallowRef, watch, type Ref } from 'vue'
import { EVENTS_QUERY } from '../graphql/operations'
import type { EventFilter, EventsResult, EventsVariables, LogEventSummary } from '../graphql/types'
import { GraphqlError, graphqlRequest, isAbort } from './useGraphql'

export const PAGE_SIZE = 200

export function useEvents(filter: Ref<EventFilter | null>) {
  const items = shallowRef<LogEventSummary[]>([])
  const loading = ref(false)
  const error = ref<GraphqlError | Error | null>(null)
  const hasNextPage = ref(false)
  const loadedOnce = ref(false)
  let endCursor: string | null = null
  let controller: AbortController | null = null
  let generation = 0

  async function fetchPage(reset: boolean): Promise<void> {
    const f = filter.value
    if (!f) return
    if (!reset && (loading.value || !hasNextPage.value)) return
    if (reset) {
      controller?.abort()
      generation++
      endCursor = null
    }
    const gen = generation
    controller = new AbortController()
    loading.value = true
    error.value = null
    try {
      const vars: EventsVariables = { filter: f, first: PAGE_SIZE, after: reset ? null : endCursor }
      const data = await graphqlRequest<EventsResult, EventsVariables>(EVENTS_QUERY, vars, controller.signal)
      if (gen !== generation) return
      const nodes = data.events.edges.map((e) => e.node)
      items.value = reset ? nodes : items.value.concat(nodes)
      hasNextPage.value = data.events.pageInfo.hasNextPage
      endCursor = data.events.pageInfo.endCursor ?? data.events.edges.at(-1)?.cursor ?? null
      if (!endCursor) hasNextPage.value = false
    } catch (e) {
      if (isAbort(e) || gen !== generation) return
      error.value = e instanceof Error ? e : new Error(String(e))
      if (reset) items.value = []
      hasNextPage.value = false
    } finally {
      if (gen === generation) {
        loading.value = false
        loadedOnce.value = true
      }
    }
  }

  function reload(): Promise<void> {
    return fetchPage(true)
  }

  function loadMore(): Promise<void> {
    return fetchPage(false)
  }

  watch(
    filter,
    (f) => {
      if (f) void reload()
      else {
        controller?.abort()
        generation++
        items.value = []
        hasNextPage.value = false
        loading.value = false
        error.value = null
      }
    },
    { immediate: true },
  )

  return { items, loading, error, hasNextPage, loadedOnce, reload, loadMore }
}
