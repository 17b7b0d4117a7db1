// The exports (issue 16 §3): one row per parliament that submitted, one column per question (per option, per matrix
// row), labels in the chosen language; the XLSX read back with exceljs (Arabic headers, a right-to-left sheet); the
// CSV as RFC 4180 with a BOM; no formula survives; the library report shows what visitors see.
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadQuestionnaire, type Questionnaire } from './questionnaire.server'
import { computeResults } from './results.server'
import { buildResponseTable, defuse, reportXlsx, responsesCsv, responsesXlsx } from './export.server'
import { addParliament, addResponse, addSurvey, answer, choose } from './results.test-helpers'

let questionnaire: Questionnaire
beforeAll(() => {
  const s = addSurvey()
  const single = s.question('single_choice', { en: 'Main threat', ar: 'التهديد الرئيسي' }, [
    { en: 'Recruitment', ar: 'التجنيد' },
    { en: 'Financing', ar: 'التمويل' },
  ])
  const multiple = s.question('multiple_choice', { en: 'Which threats?', ar: 'ما التهديدات؟' }, [
    { en: 'A', ar: 'أ' },
    { en: 'B', ar: 'ب' },
    { en: 'C', ar: 'ج' },
  ])
  const yesNo = s.question('yes_no', { en: 'A committee?', ar: 'هل توجد لجنة؟' })
  const number = s.question('number', { en: 'Balance', ar: 'الرصيد' }, [], { numberMin: -100, numberMax: 100 })
  const matrix = s.question('matrix', { en: 'Rate', ar: 'قيّم' }, [
    { en: 'Laws', ar: 'القوانين' },
    { en: 'Oversight', ar: 'الرقابة' },
  ])
  const text = s.question('long_text', { en: 'Challenges', ar: 'التحديات' })
  const jordan = addResponse(
    s.id,
    addParliament('middle_east_north_africa', 'national', { en: 'House of Jordan', ar: 'مجلس النواب الأردني' }),
  )
  const arab = addResponse(s.id, addParliament('global', 'assembly', { en: 'Arab Parliament', ar: 'البرلمان العربي' }))
  addResponse(s.id, addParliament('africa', 'national', { en: 'Not yet', ar: 'لم يقدم' }), 'started')
  const [a, b, c] = multiple.options as [number, number, number]
  answer(jordan, single.id, { optionId: single.options[1]! })
  choose(jordan, multiple.id, [a, b])
  choose(arab, multiple.id, [c])
  answer(jordan, yesNo.id, { choice: 'dont_know' })
  answer(arab, yesNo.id, { choice: 'yes' })
  answer(jordan, number.id, { numberValue: -5 })
  choose(jordan, matrix.id, [[matrix.options[0]!, 4]])
  answer(jordan, text.id, { textValue: '=HYPERLINK("http://evil.example","x")' })
  answer(arab, text.id, { textValue: 'تمويل الإرهاب، "والتجنيد"\nعبر الإنترنت' })
  questionnaire = loadQuestionnaire(s.id)!
})

describe('the table', () => {
  it('has one row per submitted response and one column per question, option and matrix row', () => {
    const { header, rows } = buildResponseTable(questionnaire, 'en')
    expect(header).toEqual([
      'Parliament',
      'Region',
      'Kind of parliament',
      'Submitted on',
      'Q1. Main threat',
      'Q2. Which threats?: A',
      'Q2. Which threats?: B',
      'Q2. Which threats?: C',
      'Q3. A committee?',
      'Q4. Balance',
      'Q5. Rate: Laws',
      'Q5. Rate: Oversight',
      'Q6. Challenges',
    ])
    expect(rows.map((r) => [r[0], r[1], r[2], ...r.slice(4, 12)])).toEqual([
      ['Arab Parliament', 'Global', 'Parliamentary assembly', null, 0, 0, 1, 'Yes', null, null, null],
      [
        'House of Jordan',
        'Middle East and North Africa',
        'National chamber',
        'Financing',
        1,
        1,
        0,
        "Don't know",
        -5,
        4,
        null,
      ],
    ])
  })

  it('is in Arabic when asked in Arabic', () => {
    const { header, rows } = buildResponseTable(questionnaire, 'ar')
    expect(header.slice(0, 5)).toEqual(['البرلمان', 'المنطقة', 'نوع البرلمان', 'تاريخ التقديم', 'س1. التهديد الرئيسي'])
    expect(header[5]).toBe('س2. ما التهديدات؟: أ')
    const jordan = rows.find((r) => r[0] === 'مجلس النواب الأردني')!
    expect(jordan[4]).toBe('التمويل')
    expect(jordan[8]).toBe('لا أعرف')
  })
})

describe('CSV', () => {
  it('is UTF-8 with a BOM, CRLF, quoted as RFC 4180, numbers as numbers, formulas defused', () => {
    const csv = responsesCsv(questionnaire, 'ar')
    expect(csv.startsWith('\uFEFFالبرلمان,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv).toContain(`"تمويل الإرهاب، ""والتجنيد""\nعبر الإنترنت"`)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(csv).toContain(',-5,4,')
    // Two parliaments, one header: three records (the newline inside a quoted field is not a record's end).
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3)
  })

  it('defuses every text a spreadsheet would run', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(defuse(text)).toBe(`'${text}`)
    expect(defuse('a=1')).toBe('a=1')
  })
})

describe('XLSX', () => {
  async function read(bytes: Uint8Array) {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer)
    return workbook
  }

  it('reads back with exceljs: Arabic headers, a right-to-left sheet, the answers', async () => {
    const workbook = await read(await responsesXlsx(questionnaire, 'ar'))
    const sheet = workbook.getWorksheet('الردود')!
    expect(sheet.views[0]!.rightToLeft).toBe(true)
    expect(sheet.getRow(1).getCell(1).value).toBe('البرلمان')
    expect(sheet.getRow(1).getCell(5).value).toBe('س1. التهديد الرئيسي')
    expect(sheet.getRow(1).getCell(11).value).toBe('س5. قيّم: القوانين')
    const jordan = [2, 3].map((n) => sheet.getRow(n)).find((r) => r.getCell(1).value === 'مجلس النواب الأردني')!
    expect(jordan.getCell(10).value).toBe(-5)
    expect(jordan.getCell(13).value).toBe(`'=HYPERLINK("http://evil.example","x")`)
    expect(jordan.getCell(13).formula).toBeUndefined()
    expect(workbook.getWorksheet('الأسئلة')!.getRow(2).getCell(2).value).toBe('التهديد الرئيسي')
  })

  it('is left to right in English', async () => {
    const workbook = await read(await responsesXlsx(questionnaire, 'en'))
    const sheet = workbook.getWorksheet('Responses')!
    expect(sheet.views[0]!.rightToLeft).toBe(false)
    expect(sheet.getRow(1).getCell(6).value).toBe('Q2. Which threats?: A')
  })

  it('the library report holds aggregates only, small cells said to be hidden', async () => {
    const results = computeResults(questionnaire, { aggregatesOnly: true })
    const workbook = await read(await reportXlsx(questionnaire, results, 'ar'))
    const overall = workbook.getWorksheet('النتائج')!
    const values = overall
      .getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null)
    expect(values).toContain('س2. ما التهديدات؟')
    expect(values).not.toContain(`'=HYPERLINK("http://evil.example","x")`)
    const byRegion = workbook.getWorksheet('حسب المنطقة')!
    expect(byRegion.views[0]!.rightToLeft).toBe(true)
    expect(byRegion.getRow(2).getCell(3).value).toBe('مخفي (أقل من 5 برلمانات)')
  })
})
