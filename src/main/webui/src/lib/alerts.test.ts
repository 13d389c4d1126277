import { describe, expect, it } from 'vitest'
import { alertKindLabel } from './alerts'

describe('alertKindLabel', () => {
  it('names every kind of history entry', () => {
    expect(alertKindLabel('FIRED')).toBe('Firing')
    expect(alertKindLabel('RESOLVED')).toBe('Resolved')
    expect(alertKindLabel('NOTIFIED')).toBe('Notified')
    expect(alertKindLabel('NOTIFY_FAILED')).toBe('Delivery failed')
  })
})
