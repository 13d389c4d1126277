import { describe, expect, it } from 'vitest'
import { PROJECTS_KEY, forgetProjects, isProjectList, readProjects, writeProjects } from './projectsCache'
import type { Project } from '../graphql/types'

const LIST: Project[] = [
  { name: 'shop', environments: [{ name: 'prod', logGroups: [{ name: '/jinju/shop/prod' }, { name: '/aws/lambda/shop-api' }] }] },
]

/** A Storage stand-in over a Map, with a switch to make writes fail as a full quota does. */
function memoryStorage(full = false) {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    removeItem: (k: string) => {
      map.delete(k)
    },
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('quota exceeded', 'QuotaExceededError')
      map.set(k, v)
    },
  }
}

describe('projects cache', () => {
  it('reads back the list it wrote', () => {
    const s = memoryStorage()
    writeProjects(s, LIST)
    expect(s.map.has(PROJECTS_KEY)).toBe(true)
    expect(readProjects(s)).toEqual(LIST)
  })

  it('reads an empty list when there is nothing, no storage, or something that is not a projects list', () => {
    expect(readProjects(memoryStorage())).toEqual([])
    expect(readProjects(null)).toEqual([])
    for (const stored of ['{', '42', '{"name":"shop"}', '[{"name":"shop"}]', '[{"name":"shop","environments":[{"name":"prod"}]}]',
      '[{"name":"shop","environments":[{"name":"prod","logGroups":[{"name":7}]}]}]', '[null]']) {
      const s = memoryStorage()
      s.map.set(PROJECTS_KEY, stored)
      expect(readProjects(s), stored).toEqual([])
    }
  })

  it('accepts projects without environments and environments without groups', () => {
    expect(isProjectList([{ name: 'new', environments: [] }, { name: 'b', environments: [{ name: 'dev', logGroups: [] }] }])).toBe(true)
    expect(isProjectList([])).toBe(true)
  })

  it('loses only the head start when storage refuses the write', () => {
    const s = memoryStorage(true)
    expect(() => writeProjects(s, LIST)).not.toThrow()
    expect(writeProjects(null, LIST)).toBeUndefined()
    expect(readProjects(s)).toEqual([])
  })

  it('forgets the list on signing out, and only that', () => {
    const s = memoryStorage()
    writeProjects(s, LIST)
    s.map.set('unrelated', 'kept')
    forgetProjects(s)
    expect(readProjects(s)).toEqual([])
    expect([...s.map.keys()]).toEqual(['unrelated'])
    expect(() => forgetProjects(null)).not.toThrow()
    const refusing = { removeItem: () => { throw new DOMException('denied', 'SecurityError') } }
    expect(() => forgetProjects(refusing)).not.toThrow()
  })
})
