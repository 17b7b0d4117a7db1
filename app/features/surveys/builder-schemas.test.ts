// The builder's forms as a browser sends them (conform's dotted names, empty fields, checkboxes), read by the schemas.
import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { QuestionSchema, SendSchema } from './builder-schemas'

function form(entries: [string, string][]) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}

describe('QuestionSchema from a form', () => {
  it('reads option rows, drops blank ones, keeps ids and removals', () => {
    const submission = parseWithZod(
      form([
        ['sectionId', '3'],
        ['kind', 'multiple_choice'],
        ['textEn', 'Which threats?'],
        ['textAr', ''],
        ['isRequired', 'on'],
        ['options[0].id', '11'],
        ['options[0].labelEn', 'Financing'],
        ['options[0].labelAr', 'التمويل'],
        ['options[1].id', '12'],
        ['options[1].labelEn', 'Old'],
        ['options[1].remove', 'on'],
        ['options[2].labelEn', ''],
        ['options[2].labelAr', ''],
        ['options[3].labelEn', 'Recruitment'],
        ['options[3].labelAr', ''],
        ['numberMin', ''],
        ['condition', '7:yes'],
      ]),
      { schema: QuestionSchema },
    )
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    // The model functions parse what the form sent: the same values come out.
    expect(QuestionSchema.parse(submission.payload)).toEqual(submission.value)
    expect(submission.value).toMatchObject({
      sectionId: 3,
      kind: 'multiple_choice',
      textEn: 'Which threats?',
      textAr: '',
      isRequired: true,
      numberMin: null,
      condition: { questionId: 7, value: 'yes' },
      options: [
        { id: 11, labelEn: 'Financing', labelAr: 'التمويل', remove: false },
        { id: 12, labelEn: 'Old', labelAr: '', remove: true },
        { labelEn: 'Recruitment', labelAr: '', remove: false },
      ],
    })
  })

  it('reports errors on the fields they are about', () => {
    const submission = parseWithZod(
      form([
        ['sectionId', '3'],
        ['kind', 'number'],
        ['numberMin', '5'],
        ['numberMax', '1'],
      ]),
      { schema: QuestionSchema },
    )
    expect(submission.status).toBe('error')
    const reply = submission.reply()
    expect(reply.error).toMatchObject({ textEn: ['textOneLanguage'], numberMax: ['boundsOrder'] })
  })
})

describe('SendSchema from a form', () => {
  it('reads ticked lists and the days', () => {
    const submission = parseWithZod(
      form([
        ['mode', 'hand'],
        ['parliamentIds', '4'],
        ['parliamentIds', '9'],
        ['deadline', '2031-01-31'],
        ['reminderDays', '3'],
      ]),
      { schema: SendSchema },
    )
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(SendSchema.parse(submission.payload)).toEqual(submission.value)
    expect(SendSchema.parse({ mode: 'region', regions: 'africa', deadline: '2031-01-31' })).toMatchObject({
      regions: ['africa'],
      parliamentIds: [],
    })
    expect(submission.value).toMatchObject({
      mode: 'hand',
      parliamentIds: [4, 9],
      regions: [],
      deadline: new Date('2031-01-31T23:59:59Z'),
      reminderDays: 3,
    })
  })
})
