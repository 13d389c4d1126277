import type { AlertHistoryKind } from '../graphql/types'

/** What a person reads for each kind of alert history entry. */
export function alertKindLabel(kind: AlertHistoryKind): string {
  switch (kind) {
    case 'FIRED':
      return 'Firing'
    case 'RESOLVED':
      return 'Resolved'
    case 'NOTIFIED':
      return 'Notified'
    case 'NOTIFY_FAILED':
      return 'Delivery failed'
  }
}
