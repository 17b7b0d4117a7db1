import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { lowerModulePreloadPriority } from './script-priority.server'

const page =
  '<!DOCTYPE html><html lang="ar"><head><title>المكتبة · بارلنت</title></head><body><p>نصّ عربي</p>' +
  '<link rel="modulepreload" href="/assets/entry.client-1.js"/><link rel="modulepreload" href="/assets/a.js"/>' +
  '<link rel="stylesheet" href="/assets/x.css"/><script type="module" async="">import "/assets/a.js"</script></body></html>'
const expected = page.replaceAll(
  '<link rel="modulepreload" href=',
  '<link rel="modulepreload" fetchpriority="low" href=',
)

async function through(chunks: Buffer[]) {
  return text(Readable.from(chunks).pipe(lowerModulePreloadPriority()))
}

describe('lowerModulePreloadPriority', () => {
  it('gives every module preload fetchpriority="low" and changes nothing else', async () => {
    expect(await through([Buffer.from(page)])).toBe(expected)
  })

  it('finds a tag split across two chunks at any byte, Arabic text included', async () => {
    const bytes = Buffer.from(page)
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await through([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(expected)
    }
  })

  it('passes a page cut into one-byte chunks through whole', async () => {
    const bytes = Buffer.from(page)
    expect(await through([...bytes].map((b) => Buffer.from([b])))).toBe(expected)
  })

  it('keeps a document that ends in the middle of what looks like the tag', async () => {
    expect(await through([Buffer.from('<p>x</p><link rel="modulep')])).toBe('<p>x</p><link rel="modulep')
  })
})
