// GraphQL operations used by the dashboard. Names are those of SPEC §8.

export const PROJECTS_QUERY = /* GraphQL */ `
  query Projects {
    projects {
      name
      environments {
        name
        logGroups {
          name
        }
      }
    }
  }
`

const SUMMARY_FIELDS = /* GraphQL */ `
  id
  timestamp
  level
  type
  code
  message
  url
  http {
    method
    status
  }
`

export const EVENTS_QUERY = /* GraphQL */ `
  query Events($filter: EventFilter!, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ${SUMMARY_FIELDS}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`

export const EVENT_QUERY = /* GraphQL */ `
  query Event($id: ID!) {
    event(id: $id) {
      ${SUMMARY_FIELDS}
      group
      stream
      project
      environment
      receivedAt
      stackTrace
      location
      componentTrace
      user {
        id
        email
        name
      }
      release
      userAgent
      pageViewId
      requestId
      source
      fingerprint
      extra
    }
  }
`

export const HISTOGRAM_QUERY = /* GraphQL */ `
  query Histogram($filter: EventFilter!, $buckets: Int) {
    histogram(filter: $filter, buckets: $buckets) {
      start
      end
      counts {
        level
        count
      }
    }
  }
`

/** One round trip per home-page card: the 48 h histogram (current + previous 24 h) and the latest errors. */
export const SERVICE_OVERVIEW_QUERY = /* GraphQL */ `
  query ServiceOverview($histFilter: EventFilter!, $buckets: Int, $errorFilter: EventFilter!, $first: Int) {
    histogram(filter: $histFilter, buckets: $buckets) {
      start
      end
      counts {
        level
        count
      }
    }
    latest: events(filter: $errorFilter, first: $first) {
      edges {
        cursor
        node {
          ${SUMMARY_FIELDS}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`

/** The newest alert firings, resolutions and failed deliveries, for the home view. */
export const ALERT_HISTORY_QUERY = /* GraphQL */ `
  query AlertHistory($first: Int) {
    alertHistory(first: $first) {
      id
      rule
      at
      kind
      count
      message
      channel
      detail
    }
  }
`
