import { describe, expect, it } from 'vitest'
import { scanMentions, segmentPost } from './mentions'

const members = [
  { id: 1, name: 'Amina Diallo' },
  { id: 2, name: 'Amina Diallo Sow' },
  { id: 3, name: 'فاطمة الزهراء' },
]

describe('mentions', () => {
  it('matches full names, the longest first, in both scripts', () => {
    expect(scanMentions('Hello @Amina Diallo Sow and @فاطمة الزهراء.', members)).toEqual({ ids: [2, 3], unknown: [] })
    expect(scanMentions('@amina diallo, see this', members)).toEqual({ ids: [1], unknown: [] })
  })

  it('reports a name that is no member and ignores e-mail addresses', () => {
    expect(scanMentions('Ask @Nobody about it (a@b.org)', members)).toEqual({ ids: [], unknown: ['Nobody'] })
    expect(scanMentions('@Amina Dialloxyz', members).unknown).toEqual(['Amina'])
  })

  it('cuts a body into text, links and mentions', () => {
    expect(segmentPost('See https://example.org/a, @Amina Diallo.', [members[0]!])).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', href: 'https://example.org/a', text: 'https://example.org/a' },
      { kind: 'text', text: ', ' },
      { kind: 'mention', userId: 1, text: '@Amina Diallo' },
      { kind: 'text', text: '.' },
    ])
    expect(segmentPost('javascript:alert(1) <b>x</b>', [])).toEqual([
      { kind: 'text', text: 'javascript:alert(1) <b>x</b>' },
    ])
  })
})
