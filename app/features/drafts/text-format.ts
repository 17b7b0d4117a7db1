// The plain-text body of a provision (snapshot.ts): paragraphs separated by blank lines, a line starting with "- " is
// a list item. This is the one reading of that format that the page, the Akoma Ntoso and the Word exports share, so
// the three never disagree on where a paragraph ends. It yields text only: whoever draws it escapes it (never HTML).

/** A paragraph keeps its single line breaks as '\n' (a soft break), a list its items in order. */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] }

const itemMark = /^-\s+/

/** A body as blocks: blank lines end a paragraph or list; inside a chunk, "- " lines are list items and any other
 *  line starts or continues a paragraph (so "Intro:\n- a\n- b" is a paragraph then a list). Spaces at the ends of
 *  lines and empty paragraphs/items are dropped. */
export function parseBody(body: string): TextBlock[] {
  const blocks: TextBlock[] = []
  let paragraph: string[] | null = null
  let list: string[] | null = null
  const flush = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') })
    if (list) blocks.push({ kind: 'list', items: list })
    paragraph = null
    list = null
  }
  for (const raw of body.split(/\r\n?|\n/)) {
    const line = raw.trim()
    if (line === '') {
      flush()
    } else if (line === '-' || itemMark.test(line)) {
      if (paragraph) flush()
      const item = line.replace(/^-\s*/, '')
      if (item !== '') (list ??= []).push(item)
    } else if (list) {
      flush()
      paragraph = [line]
    } else {
      ;(paragraph ??= []).push(line)
    }
  }
  flush()
  return blocks
}

/** Blocks back to the body format; `formatBody(parseBody(x))` is the canonical form of x. */
export function formatBody(blocks: readonly TextBlock[]): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.items.map((item) => `- ${item}`).join('\n')))
    .filter((s) => s !== '')
    .join('\n\n')
}

/** The canonical form of a body: what an export followed by an import gives back. */
export function normalizeBody(body: string): string {
  return formatBody(parseBody(body))
}
