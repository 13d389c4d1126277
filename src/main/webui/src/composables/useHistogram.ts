// Histogram of events per level for a filter (levels are left out so every level chip has its count).

import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { HISTOGRAM_QUERY } from '../graphql/operations'
import type { EventFilter, HistogramBucket, HistogramResult, HistogramVariables } from '../graphql/types'
import { GraphqlError, graphqlRequest, isAbort } from './useGraphql'

export function useHistogram(filter: Ref<EventFilter | null>, buckets = 60) {
  const data = shallowRef<HistogramBucket[]>([])
  const loading = ref(false)
  const error = ref<GraphqlError | Error | null>(null)
  let controller: AbortController | null = null

  async function load(f: EventFilter): Promise<void> {
    controller?.abort()
    const c = new AbortController()
    controller = c
    loading.value = true
    error.value = null
    try {
      const res = await graphqlRequest<HistogramResult, HistogramVariables>(
        HISTOGRAM_QUERY,
        { filter: { ...f, levels: null }, buckets },
        c.signal,
      )
      if (controller === c) data.value = res.histogram
    } catch (e) {
      if (isAbort(e) || controller !== c) return
      error.value = e instanceof Error ? e : new Error(String(e))
      data.value = []
    } finally {
      if (controller === c) loading.value = false
    }
  }

  // the level filter does not change the histogram (chips show every level's count): ignore it
  const key = computed(() => (filter.value ? JSON.stringify({ ...filter.value, levels: null }) : ''))
  watch(
    key,
    (k) => {
      if (k) void load(JSON.parse(k) as EventFilter)
      else {
        controller?.abort()
        data.value = []
        loading.value = false
        error.value = null
      }
    },
    { immediate: true },
  )

  return { buckets: data, loading, error }
}
