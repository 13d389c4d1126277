// A tiny fetch-based GraphQL client: POST /graphql (application/json).

export interface GraphqlErrorItem {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string; position?: number; [key: string]: unknown }
}

export class GraphqlError extends Error {
  readonly code: string | null
  /** 0-based position in the search query when code is BAD_QUERY */
  readonly position: number | null
  readonly errors: GraphqlErrorItem[]

  constructor(message: string, errors: GraphqlErrorItem[] = [], code: string | null = null, position: number | null = null) {
    super(message)
    this.name = 'GraphqlError'
    this.errors = errors
    this.code = code
    this.position = position
  }

  get isBadQuery(): boolean {
    return this.code === 'BAD_QUERY'
  }
}

export const GRAPHQL_ENDPOINT = '/graphql'

/** Builds a GraphqlError from the `errors` of a response (the first error carries code and position). */
export function toGraphqlError(errors: GraphqlErrorItem[]): GraphqlError {
  const firstError = errors[0]
  const code = typeof firstError?.extensions?.code === 'string' ? firstError.extensions.code : null
  const pos = firstError?.extensions?.position
  let position = typeof pos === 'number' ? pos : typeof pos === 'string' && /^\d+$/.test(pos) ? Number(pos) : null
  let message = firstError?.message ?? 'GraphQL error'
  // the message may carry the position too ("at position 17: unknown field ..."): use it, show the rest
  const m = /^at position (\d+):\s*/.exec(message)
  if (m) {
    position ??= Number(m[1])
    message = message.slice(m[0].length) || message
  }
  return new GraphqlError(message, errors, code, position)
}

export async function graphqlRequest<T, V extends object = Record<string, unknown>>(
  query: string,
  variables?: V,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables: variables ?? {} }),
      credentials: 'same-origin',
      signal: signal ?? null,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new GraphqlError('The Jinju server cannot be reached.', [], 'NETWORK')
  }
  let body: { data?: T | null; errors?: GraphqlErrorItem[] } | null = null
  try {
    body = (await response.json()) as { data?: T | null; errors?: GraphqlErrorItem[] }
  } catch {
    body = null
  }
  if (body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && typeof window !== 'undefined') {
    // the session expired (or the server restarted with a new key): log in again, then come back here
    window.location.assign('/login.html')
  }
  if (body?.errors && body.errors.length > 0) throw toGraphqlError(body.errors)
  if (!response.ok) {
    if (response.status === 401 || response.status === 403) {
      throw new GraphqlError('Not signed in, or not allowed.', [], 'UNAUTHORIZED')
    }
    throw new GraphqlError(`Server error (HTTP ${response.status}).`, [], 'HTTP_' + response.status)
  }
  if (!body || body.data == null) throw new GraphqlError('Empty answer from the server.', [], 'EMPTY')
  return body.data
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError'
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Composable form, for components: `const { request } = useGraphql()`. */
export function useGraphql() {
  return { request: graphqlRequest, GraphqlError }
}
