import { describe, expect, it } from 'vitest'

import { formatBody, normalizeBody, parseBody } from './text-format'

describe('parseBody', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseBody('First line\nsame paragraph\n\n\n  Second  ')).toEqual([
      { kind: 'paragraph', text: 'First line\nsame paragraph' },
      { kind: 'paragraph', text: 'Second' },
    ])
  })

  it('reads "- " lines as list items, after an introductory paragraph in the same chunk', () => {
    expect(parseBody('For this Law:\n- "funds": assets;\n- <b>terrorist</b> & co\nAfter the list')).toEqual([
      { kind: 'paragraph', text: 'For this Law:' },
      { kind: 'list', items: ['"funds": assets;', '<b>terrorist</b> & co'] },
      { kind: 'paragraph', text: 'After the list' },
    ])
  })

  it('handles Arabic, CRLF, empty items and a dash that is not a list mark', () => {
    expect(parseBody('لأغراض هذا القانون:\r\n- «الأموال»\r\n-\r\n\r\n-5 درجات')).toEqual([
      { kind: 'paragraph', text: 'لأغراض هذا القانون:' },
      { kind: 'list', items: ['«الأموال»'] },
      { kind: 'paragraph', text: '-5 درجات' },
    ])
  })

  it('gives nothing for an empty or blank body', () => {
    expect(parseBody('')).toEqual([])
    expect(parseBody(' \n\n \n')).toEqual([])
  })
})

describe('formatBody', () => {
  it('is the inverse of parseBody on canonical text', () => {
    const body = 'Intro:\n\n- a\n- b\n\nEnd\nline two'
    expect(formatBody(parseBody(body))).toBe(body)
    expect(normalizeBody('  Intro:  \n\n\n- a\n-   b\n')).toBe('Intro:\n\n- a\n- b')
  })
})
