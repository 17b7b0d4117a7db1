// The strings a page needs travel inside the page: each route names its namespaces (`export const handle =
// { i18n: [...] }`, remix-i18next's convention), the server inlines those of the matched routes as JSON, and the
// browser hydrates from them with no second round trip (issue 14). test/route-namespaces.test.ts checks the lists.
import { createContext, useContext } from 'react'
import { namespaces, type Namespace } from './i18n'

/** The id of the `<script type="application/json">` that carries them (rendered by root.tsx's Layout). */
export const resourcesElementId = 'i18n-resources'

/** The namespaces the matched routes' handles name (unknown names ignored), always with common (the shell's). */
export function namespacesOfHandles(handles: readonly unknown[]): Namespace[] {
  const named = new Set<unknown>(['common'])
  for (const handle of handles) {
    const list = handle !== null && typeof handle === 'object' ? (handle as { i18n?: unknown }).i18n : undefined
    for (const ns of Array.isArray(list) ? list : [list]) named.add(ns)
  }
  return namespaces.filter((ns) => named.has(ns))
}

/** JSON that is safe as the text of a `<script>`: no `<` can end the element or open a comment. */
export function serializeForScript(value: unknown) {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

// The JSON text itself: the server makes it, the browser hands back what it read so hydration renders the same.
const ResourcesContext = createContext('')
export const I18nResourcesProvider = ResourcesContext.Provider
export const useI18nResourcesJson = () => useContext(ResourcesContext)
