// Issue 14: the server inlines exactly the locale namespaces the matched routes declare (`handle.i18n`), and the
// browser loads no other before hydrating. A route that renders a namespace it does not declare would show raw
// keys, so this test reads each route's static import graph (what reaches the browser: no .server files, no type
// imports, no loader/action bodies) and compares the namespaces it uses with what it and its parents declare.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { namespaces } from '~/utils/i18n'

const appDir = path.resolve('app')
const routesDir = path.join(appDir, 'routes')
const known = new Set<string>(namespaces)
// i18next's defaultNS (entry.client, i18n.server): a useTranslation() without arguments reads it.
const defaultNamespace = 'common'
// Exports Remix strips from the browser bundle: what they translate never renders there.
const serverOnlyExports = new Set(['loader', 'action', 'headers'])

type Route = { id: string; file: string; parents: string[] }
type Scan = { uses: Set<string>; unresolved: string[]; imports: string[] }

/** The route modules as Remix's flat routes sees them: files in app/routes, and route.tsx of a folder. */
function listRoutes(): Route[] {
  const modules: { id: string; file: string }[] = []
  for (const entry of fs.readdirSync(routesDir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const file = ['route.tsx', 'route.ts'].map((f) => path.join(routesDir, entry.name, f)).find(fs.existsSync)
      if (file) modules.push({ id: entry.name, file })
    } else if (/\.tsx?$/.test(entry.name)) {
      modules.push({ id: entry.name.replace(/\.tsx?$/, ''), file: path.join(routesDir, entry.name) })
    }
  }
  // A route's parents are the routes whose name is a prefix of its own up to a dot ($lang.admin of
  // $lang.admin.audit); a trailing underscore ($id_) ends the prefix, as in Remix's flat routes.
  return modules.map(({ id, file }) => ({
    id,
    file,
    parents: [
      'root',
      ...modules
        .filter((m) => id.startsWith(`${m.id}.`))
        .map((m) => m.id)
        .sort((a, b) => a.length - b.length),
    ],
  }))
}

function unwrap(node: ts.Expression): ts.Expression {
  while (
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isTypeAssertionExpression(node)
  )
    node = node.expression
  return node
}

/** The namespaces an expression names: a string, an array of them, or a const declared in the same file. */
function namesOf(node: ts.Expression, source: ts.SourceFile, seen = new Set<string>()): string[] | null {
  node = unwrap(node)
  if (ts.isStringLiteralLike(node)) return [node.text]
  if (ts.isArrayLiteralExpression(node)) {
    const parts = node.elements.map((e) => namesOf(ts.isSpreadElement(e) ? e.expression : e, source, seen))
    return parts.every((p) => p !== null) ? parts.flat() : null
  }
  if (ts.isConditionalExpression(node)) {
    const [a, b] = [namesOf(node.whenTrue, source, seen), namesOf(node.whenFalse, source, seen)]
    return a && b ? [...a, ...b] : null
  }
  if (ts.isIdentifier(node) && !seen.has(node.text)) {
    seen.add(node.text)
    let found: ts.Expression | undefined
    const visit = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === node.text && n.initializer)
        found = n.initializer
      else ts.forEachChild(n, visit)
    }
    visit(source)
    return found ? namesOf(found, source, seen) : null
  }
  return null
}

function isHandlesGate(arg: ts.Expression) {
  return ts.isCallExpression(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === 'namespacesOfHandles'
}

function isServerOnly(node: ts.Node) {
  if (ts.isFunctionDeclaration(node)) return node.name !== undefined && serverOnlyExports.has(node.name.text)
  if (ts.isVariableDeclaration(node)) return ts.isIdentifier(node.name) && serverOnlyExports.has(node.name.text)
  return false
}

/** What one file renders: namespaces it names, the expressions it names them with that cannot be read, its imports. */
function scanSource(fileName: string, text: string): Scan {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const scan: Scan = { uses: new Set(), unresolved: [], imports: [] }
  const where = (n: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`
  const add = (expr: ts.Expression, at: ts.Node) => {
    const names = namesOf(expr, source)
    if (names) names.forEach((n) => scan.uses.add(n))
    else scan.unresolved.push(`${where(at)}: ${expr.getText(source)}`)
  }
  const visit = (node: ts.Node): void => {
    if (isServerOnly(node)) return
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly))
      if (!onlyTypes) scan.imports.push(node.moduleSpecifier.text)
      return
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) scan.imports.push(node.moduleSpecifier.text)
      return
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression
      if (callee.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0]))
        scan.imports.push(node.arguments[0].text)
      if (ts.isIdentifier(callee) && callee.text === 'useTranslation') {
        const [arg] = node.arguments
        // root.tsx's App waits for the namespaces the matched routes declare: it renders none of them itself.
        if (arg && isHandlesGate(arg)) return
        if (arg) add(arg, node)
        else scan.uses.add(defaultNamespace)
      }
    }
    // t('key', { ns: 'x' }), and <Trans ns="x">
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'ns')
      add(node.initializer, node)
    if (ts.isShorthandPropertyAssignment(node) && node.name.text === 'ns') add(node.name, node)
    if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name) && node.name.text === 'ns' && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer
      if (value) add(value, node)
    }
    // 'x:key' anywhere (t('x:key'), an errors.ts map, a template `x:reason.${code}`)
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) {
      const prefix = /^([A-Za-z]+):[A-Za-z]/.exec(node.text)?.[1]
      if (prefix && known.has(prefix)) scan.uses.add(prefix)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return scan
}

/** A local import resolved to its file; null for packages, #db/#locales, server-only modules and assets. */
function resolveImport(from: string, specifier: string): string | null {
  let base: string
  if (specifier.startsWith('~/')) base = path.join(appDir, specifier.slice(2))
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier)
  else return null
  if (/\.(css|json|svg|png|woff2?)(\?.*)?$/.test(specifier)) return null
  const file = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
    .map((ext) => base + ext)
    .find((f) => fs.existsSync(f) && fs.statSync(f).isFile())
  if (!file) throw new Error(`${from}: cannot resolve ${specifier}`)
  return /\.server\.tsx?$/.test(file) || file.split(path.sep).includes('.server') ? null : file
}

const scans = new Map<string, Scan>()
function scanFile(file: string) {
  let scan = scans.get(file)
  if (!scan) {
    scan = scanSource(path.relative(process.cwd(), file), fs.readFileSync(file, 'utf8'))
    scans.set(file, scan)
  }
  return scan
}

/** Every namespace the module and the modules it imports (transitively) render in the browser. */
function namespacesUsedBy(file: string) {
  const uses = new Set<string>()
  const unresolved: string[] = []
  const seen = new Set<string>()
  const stack = [file]
  while (stack.length) {
    const current = stack.pop()!
    if (seen.has(current)) continue
    seen.add(current)
    const scan = scanFile(current)
    scan.uses.forEach((n) => uses.add(n))
    unresolved.push(...scan.unresolved)
    for (const specifier of scan.imports) {
      const next = resolveImport(current, specifier)
      if (next) stack.push(next)
    }
  }
  return { uses, unresolved }
}

/** `export const handle = { i18n: [...] }` read from the source; null when the module has no handle. */
function declaredNamespaces(file: string): string[] | null {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || decl.name.text !== 'handle' || !decl.initializer) continue
      const init = unwrap(decl.initializer)
      if (!ts.isObjectLiteralExpression(init)) throw new Error(`${file}: handle is not an object literal`)
      const prop = init.properties.find(
        (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === 'i18n',
      )
      if (!prop) return null
      const names = namesOf(prop.initializer, source)
      if (!names) throw new Error(`${file}: handle.i18n is not a list of strings`)
      return names
    }
  }
  return null
}

/** A page route renders a component (a default export); resource routes (files, feeds, exports) do not. */
function rendersPage(file: string) {
  return /^export default\b/m.test(fs.readFileSync(file, 'utf8'))
}

/** What a page renders but neither it nor a parent declares, and what it declares but does not render. */
function checkRoute(route: Route, declarations: Map<string, string[]>) {
  const { uses, unresolved } = namespacesUsedBy(route.file)
  const available = new Set([route.id, ...route.parents].flatMap((id) => declarations.get(id) ?? []))
  return {
    undeclared: [...uses].filter((n) => !available.has(n)).sort(),
    unused: (declarations.get(route.id) ?? []).filter((n) => !uses.has(n)),
    unresolved,
  }
}

const routes = listRoutes()
const rootFile = path.join(appDir, 'root.tsx')
const declared = new Map<string, string[]>([['root', declaredNamespaces(rootFile) ?? []]])
for (const route of routes) declared.set(route.id, declaredNamespaces(route.file) ?? [])
const pages = routes.filter((r) => rendersPage(r.file))

describe('the scanner', () => {
  it('finds every way a component names a namespace', () => {
    const scan = scanSource(
      'sample.tsx',
      `import { useTranslation } from 'react-i18next'
      import type { Thing } from './types'
      import { x } from '~/features/a/b'
      export * from './c'
      const namespaces = ['members', 'network'] as const
      export function loader() { return t('key', { ns: 'admin' }) }
      export function A() {
        useTranslation()
        useTranslation('library')
        useTranslation(namespaces)
        const { t } = useTranslation(['agenda', 'calendar'])
        t('participation:x.y')
        t('z', { ns: 'programmes' })
        return <Trans ns="requests" i18nKey={\`partners:reason.\${code}\`} />
      }
      useTranslation(props.ns)`,
    )
    expect([...scan.uses].sort()).toEqual(
      [
        'agenda',
        'calendar',
        'common',
        'library',
        'members',
        'network',
        'participation',
        'partners',
        'programmes',
        'requests',
      ].sort(),
    )
    expect(scan.unresolved).toEqual(['sample.tsx:16: props.ns'])
    expect(scan.imports).toEqual(['react-i18next', '~/features/a/b', './c'])
  })

  it('sees the routes, their folders and their parents', () => {
    expect(pages.length).toBeGreaterThan(50)
    const byId = new Map(routes.map((r) => [r.id, r]))
    expect(byId.get('$lang.admin.audit')?.parents).toEqual(['root', '$lang', '$lang.admin'])
    expect(byId.get('$lang.meetings.$id_.agenda_.$sessionId')?.parents).toEqual(['root', '$lang'])
    expect(byId.get('$lang.meetings.$id')?.file).toMatch(/\$lang\.meetings\.\$id\/route\.tsx$/)
  })
})

describe('route namespaces', () => {
  it('the root declares the shell: common', () => {
    expect(declared.get('root')).toEqual(['common'])
    const { uses, unresolved } = namespacesUsedBy(rootFile)
    expect(unresolved).toEqual([])
    expect([...uses]).toEqual(['common'])
  })

  it.each(pages.map((r) => [r.id, r] as const))('%s declares every namespace it renders', (_, route) => {
    expect(declaredNamespaces(route.file), 'a page route exports handle = { i18n: [...] }').not.toBeNull()
    const { undeclared, unused, unresolved } = checkRoute(route, declared)
    expect(unresolved, 'namespaces named by an expression the test cannot read').toEqual([])
    expect(undeclared, 'used but not declared by the route or its parents').toEqual([])
    expect(unused, 'declared but not used').toEqual([])
  })

  it('fails a page when no route on its path declares a namespace it renders', () => {
    const audit = pages.find((r) => r.id === '$lang.admin.audit')!
    const without = new Map([...declared].map(([id, names]) => [id, names.filter((n) => n !== 'admin')]))
    expect(checkRoute(audit, without).undeclared).toEqual(['admin'])
  })

  it('every declared namespace exists, once per route', () => {
    for (const [id, names] of declared) {
      expect(
        names.filter((n) => !known.has(n)),
        `${id}: unknown namespaces`,
      ).toEqual([])
      expect(new Set(names).size, `${id}: a namespace listed twice`).toBe(names.length)
    }
  })

  it('resource routes render no page and need no namespaces', () => {
    for (const route of routes.filter((r) => !rendersPage(r.file)))
      expect(declaredNamespaces(route.file), route.id).toBeNull()
  })
})
