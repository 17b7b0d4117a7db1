import type { SubmissionResult } from '@conform-to/react'
import { createElement, Fragment } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { getI18nInstance } from '~/utils/i18n.server'
import type { Language } from '~/utils/i18n'
import { BilingualInputs, BilingualTextareas } from './bilingual-fields'
import { useServerForm } from './conform-fields'

type Values = { titleEn?: string; titleAr?: string; summaryEn?: string; summaryAr?: string }

function Pairs({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [, fields] = useServerForm<Values>({ id: 'f', lastResult, defaultValue: { titleEn: 'Opening' } })
  return createElement(
    Fragment,
    null,
    createElement(BilingualInputs<string | undefined>, {
      fields: [fields.titleEn, fields.titleAr],
      labels: ['Title in English', 'Title in Arabic'],
      hint: 'At least one of the two.',
      maxLength: 300,
    }),
    createElement(BilingualTextareas, {
      fields: [fields.summaryEn, fields.summaryAr],
      labels: ['Summary in English', 'Summary in Arabic'],
      hint: 'Shown in the list.',
      rows: 5,
    }),
  )
}

function render(lang: Language, lastResult?: SubmissionResult<string[]>) {
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: getI18nInstance(lang) }, createElement(Pairs, { lastResult })),
  )
}

/** The attributes of the control with this id. */
function control(html: string, id: string) {
  const tag = html.match(new RegExp(`<(?:input|textarea) id="${id}"[^>]*>`))?.[0] ?? ''
  return Object.fromEntries([...tag.matchAll(/ ([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
}

describe('<BilingualInputs> and <BilingualTextareas>', () => {
  it('write each field in its own language and direction, the inputs’ hint once and the textareas’ with each', () => {
    const html = render('ar')
    expect(control(html, 'f-titleEn')).toMatchObject({ lang: 'en', dir: 'ltr', maxLength: '300', value: 'Opening' })
    expect(control(html, 'f-titleEn')['aria-describedby']).toBe('f-titleEn-hint')
    expect(control(html, 'f-titleAr')).toMatchObject({ lang: 'ar', dir: 'rtl', maxLength: '300' })
    expect(control(html, 'f-titleAr')).not.toHaveProperty('aria-describedby')
    expect(html.match(/At least one of the two\./g)).toHaveLength(1)
    expect(control(html, 'f-summaryEn')).toMatchObject({ lang: 'en', dir: 'ltr', rows: '5' })
    expect(control(html, 'f-summaryAr')).toMatchObject({ lang: 'ar', dir: 'rtl', rows: '5' })
    expect(control(html, 'f-summaryAr')['aria-describedby']).toBe('f-summaryAr-hint')
    expect(html.match(/Shown in the list\./g)).toHaveLength(2)
    // Labels name their own control, English first.
    expect(html.indexOf('<label for="f-titleEn">Title in English</label>')).toBeLessThan(
      html.indexOf('<label for="f-titleAr">Title in Arabic</label>'),
    )
  })

  it('say a field’s errors in the page’s language and point the field at them', () => {
    const lastResult: SubmissionResult<string[]> = {
      status: 'error',
      initialValue: {},
      error: { titleAr: ['required'], summaryEn: ['required'] },
    }
    for (const [lang, text] of [
      ['en', 'This field is required.'],
      ['ar', 'هذا الحقل مطلوب.'],
    ] as const) {
      const html = render(lang, lastResult)
      expect(control(html, 'f-titleAr')).toMatchObject({
        'aria-invalid': 'true',
        'aria-describedby': 'f-titleAr-error',
      })
      expect(html).toContain(`<ul class="field__errors" id="f-titleAr-error"><li>${text}</li></ul>`)
      expect(control(html, 'f-summaryEn')['aria-describedby']).toBe('f-summaryEn-hint f-summaryEn-error')
      expect(control(html, 'f-titleEn')).not.toHaveProperty('aria-invalid')
    }
  })
})
