import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test as base, waitForHydration } from './fixtures'

// Issue 14: Lighthouse's best practices fail a page on any issue of DevTools' Issues panel. Two kinds were seen:
// a ContentSecurityPolicyIssue (zod's `new Function` probe; app/utils/zod.ts turns it off in the browser) and a
// GenericIssue (a filter named like an autofill field, `country` or `region`, without an `autocomplete` attribute).

// Chromium's autofill raises the GenericIssues, and the headless shell the suite runs by default has no autofill:
// this file runs the full browser.
const fullChromium = process.env.CHROMIUM_FULL_PATH ?? '/usr/bin/chromium'
const test = base.extend({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use(fs.existsSync(fullChromium) ? { ...launchOptions, executablePath: fullChromium } : launchOptions)
    },
    { scope: 'worker' },
  ],
})

const checkedCodes = ['ContentSecurityPolicyIssue', 'GenericIssue']

type Issue = { code: string; details: Record<string, unknown> }

/** Opens a page and returns the inspector issues it raised by the time it has hydrated (a GenericIssue
 * with the element it names, a CSP issue with its script). */
async function issuesOf(page: Page, path: string) {
  const cdp = await page.context().newCDPSession(page)
  const issues: Issue[] = []
  cdp.on('Audits.issueAdded', ({ issue }) => issues.push(issue as Issue))
  await cdp.send('Audits.enable')
  await page.goto(path)
  // Autofill checks the forms once the document is parsed, and zod's probe runs as the scripts load: both before
  // hydration (Audits.enable would also replay anything raised earlier).
  await waitForHydration(page)
  const described: string[] = []
  for (const issue of issues.filter((i) => checkedCodes.includes(i.code))) {
    const generic = issue.details.genericIssueDetails as { errorType: string; violatingNodeId?: number } | undefined
    let element = ''
    if (generic?.violatingNodeId) {
      const { node } = await cdp.send('DOM.describeNode', { backendNodeId: generic.violatingNodeId })
      element = ` <${node.localName} ${(node.attributes ?? []).join(' ')}>`
    }
    const csp = issue.details.contentSecurityPolicyIssueDetails as
      { contentSecurityPolicyViolationType: string; sourceCodeLocation?: { url: string } } | undefined
    described.push(
      generic
        ? `${issue.code} ${generic.errorType}${element}`
        : `${issue.code} ${csp?.contentSecurityPolicyViolationType} ${csp?.sourceCodeLocation?.url ?? ''}`,
    )
  }
  await cdp.detach()
  return [...new Set(described)]
}

const publicPages = [
  '/ar/resources',
  '/en/resources',
  '/ar/resources?q=parliament&type=report',
  '/ar/parliaments',
  '/en/parliaments',
  '/ar/members',
  '/en/members',
  '/ar/meetings',
  '/en/meetings?view=month',
  // zod's schemas still load on this list (its pillar filter's values come from mechanism-schemas.ts).
  '/en/mechanisms',
  '/en/login',
]

for (const path of publicPages) {
  test(`${path} raises no CSP or generic inspector issue`, async ({ page }) => {
    expect(await issuesOf(page, path)).toEqual([])
  })
}

test('a form page that loads zod raises none either', async ({ page, signIn }) => {
  await signIn('coordinator')
  expect(await issuesOf(page, '/en/programmes/new')).toEqual([])
})

test('the check sees an issue when there is one', async ({ page }) => {
  // The same browser on a page of our origin with what the directories had: without it, an empty list above could
  // mean that this Chromium reports nothing.
  const cdp = await page.context().newCDPSession(page)
  const issues: Issue[] = []
  cdp.on('Audits.issueAdded', ({ issue }) => issues.push(issue as Issue))
  await cdp.send('Audits.enable')
  await page.route('**/autofill-control', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><form><label for="country">Country</label><select id="country" name="country"><option>x</option></select></form>',
    }),
  )
  await page.goto('/autofill-control')
  await expect
    .poll(() => issues.map((i) => (i.details.genericIssueDetails as { errorType?: string } | undefined)?.errorType))
    .toContain('FormInputAssignedAutocompleteValueToIdOrNameAttributeError')
})
