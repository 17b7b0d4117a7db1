import type { EntryContext } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { resources } from '#locales/index'
import { namespacesOfHandles, serializeForScript } from './i18n-resources'
import { inlinedResources, routeNamespaces } from './i18n.server'

describe('namespacesOfHandles', () => {
  it('joins the routes’ lists, with common always, in one order whatever the routes’ order', () => {
    expect(namespacesOfHandles([{ i18n: ['meetings', 'library'] }, { i18n: ['library'] }])).toEqual([
      'common',
      'library',
      'meetings',
    ])
    expect(namespacesOfHandles([{ i18n: ['library'] }, { i18n: ['meetings'] }])).toEqual(
      namespacesOfHandles([{ i18n: ['meetings'] }, { i18n: ['library'] }]),
    )
  })

  it('takes a single name, and ignores routes without a handle, other handles and unknown names', () => {
    expect(
      namespacesOfHandles([undefined, null, 'auth', { other: 1 }, { i18n: 'auth' }, { i18n: ['nope', 3] }]),
    ).toEqual(['common', 'auth'])
  })
})

describe('serializeForScript', () => {
  it('cannot end the script element or open a comment, and reads back the same', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'line\u2028sep\u2029' }
    const json = serializeForScript(value)
    expect(json).not.toMatch(/<|\u2028|\u2029/)
    expect(JSON.parse(json)).toEqual(value)
  })
})

describe('the strings a page carries', () => {
  it('are exactly those of the matched routes’ namespaces, in the page’s language', () => {
    const context = {
      staticHandlerContext: { matches: [{ route: { id: 'root' } }, { route: { id: 'routes/$lang.x' } }] },
      routeModules: {
        root: { handle: { i18n: ['common'] } },
        'routes/$lang.x': { handle: { i18n: ['participation', 'agenda'] } },
        'routes/$lang.y': { handle: { i18n: ['admin'] } },
      },
    } as unknown as EntryContext
    const names = routeNamespaces(context)
    expect(names).toEqual(['common', 'agenda', 'participation'])
    const json = inlinedResources('ar', names)
    expect(JSON.parse(json)).toEqual({
      common: resources.ar.common,
      agenda: resources.ar.agenda,
      participation: resources.ar.participation,
    })
    expect(inlinedResources('ar', names)).toBe(json)
  })
})
