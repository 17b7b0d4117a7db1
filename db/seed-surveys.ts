// The demo questionnaire (issue 16): "Parliamentary responses to terrorism and violent extremism, 2026", written for
// this portal (as its introduction says), in Arabic and English: three sections, a question of every kind, help
// texts, required answers and two display conditions. It is sent to the demo parliaments with a deadline six weeks
// after the seed; six of them have submitted (so the results are published), the Shura Council's response is started
// and left for the demo member to finish, two have not begun, and one new mechanism waits for a coordinator's review.
// Written through the surveys feature's own functions, so that its rows are those the pages make (audit rows
// included). The mails those functions queue are deleted in the same transaction: the demo's people are never
// mailed, and the reminder is off (reminderDays 0) so that none is queued later either.
import { eq, gt, inArray, max } from 'drizzle-orm'
import { addQuestion, addSection, createSurvey, updateSection } from '~/features/surveys/survey.server'
import { sendSurvey } from '~/features/surveys/send.server'
import { getResponseOf, saveResponse, type Respondent } from '~/features/surveys/response.server'
import type { AnswerFormValue, AnswerFormValues } from '~/features/surveys/answer-schemas'
import { newMechanismValue } from '~/features/surveys/components/question-field'
import { getSurvey, loadQuestionnaire, type Question } from '~/features/surveys/questionnaire.server'
import { publishResults } from '~/features/surveys/results-publish.server'
import { minimumCell, type QuestionKind, type YesNoValue } from '~/features/surveys/vocabulary'
import { getDb, type Db } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { atomically } from '~/utils/transaction.server'
import { outbox, parliament, survey, user, type Locale, type MechanismKind } from './schema/index'

export const demoSurveyTitleEn = 'Parliamentary responses to terrorism and violent extremism, 2026'
const demoSurveyTitleAr = 'استجابات البرلمانات للإرهاب والتطرف العنيف، 2026'

/** The demo parliaments it is sent to (db/seed.ts's, by English name: importing them from there would be a cycle). */
export const demoSurveyParliaments = [
  'Shura Council of Qatar',
  'UK House of Commons',
  'OSCE Parliamentary Assembly',
  'Parliamentary Assembly of the Mediterranean',
  'Asian Parliamentary Assembly',
  'Arab Parliament',
  'ParlAmericas',
  'Parliamentary Assembly of the Council of Europe',
  'Inter-Parliamentary Union',
]

type Words = [en: string, ar: string]
type QuestionSpec = {
  key: string
  kind: QuestionKind
  text: Words
  help?: Words
  required?: boolean
  /** Choices' options, or a matrix's rows. */
  options?: Words[]
  scale?: { low: Words; high: Words }
  unit?: Words
  min?: number
  max?: number
  /** Shown only when the question of this key is answered yes. */
  showIfYes?: string
}
type SectionSpec = { title: Words; description: Words; questions: QuestionSpec[] }

export const demoSurveySections: SectionSpec[] = [
  {
    title: ['Threats', 'التهديدات'],
    description: ['How your parliament sees the threat today.', 'كيف يرى برلمانكم التهديد اليوم.'],
    questions: [
      {
        key: 'threat',
        kind: 'single_choice',
        required: true,
        text: [
          'Which threat does your parliament consider the most pressing today?',
          'ما التهديد الذي يعدّه برلمانكم الأشدّ إلحاحًا اليوم؟',
        ],
        help: [
          'Choose one. The next question lets you name every source of radicalisation your committees have examined.',
          'اختاروا إجابة واحدة. ويتيح لكم السؤال التالي ذكر جميع مصادر التطرف التي درستها لجانكم.',
        ],
        options: [
          ['Attacks by terrorist groups', 'الهجمات التي تشنّها الجماعات الإرهابية'],
          ['Online radicalisation and recruitment', 'التطرف والتجنيد عبر الإنترنت'],
          ['Financing of terrorism', 'تمويل الإرهاب'],
          ['Return of foreign terrorist fighters', 'عودة المقاتلين الإرهابيين الأجانب'],
          ['Attacks by lone individuals', 'الهجمات التي ينفّذها أفراد منفردون'],
        ],
      },
      {
        key: 'sources',
        kind: 'multiple_choice',
        text: [
          "Which sources of radicalisation have your parliament's committees examined since 2023?",
          'ما مصادر التطرف التي درستها لجان برلمانكم منذ عام 2023؟',
        ],
        help: ['Tick every one that applies.', 'اختاروا كل ما ينطبق.'],
        options: [
          ['Online content and social media', 'المحتوى الرقمي ووسائل التواصل الاجتماعي'],
          ['Prisons and detention', 'السجون وأماكن الاحتجاز'],
          ['Economic exclusion and unemployment', 'الإقصاء الاقتصادي والبطالة'],
          ['Local conflicts and grievances', 'النزاعات والمظالم المحلية'],
          ['Transnational criminal networks', 'الشبكات الإجرامية العابرة للحدود'],
        ],
      },
      {
        key: 'seriousness',
        kind: 'scale',
        required: true,
        text: [
          'How serious is the threat of terrorism and violent extremism in your country or region today?',
          'ما مدى خطورة تهديد الإرهاب والتطرف العنيف في بلدكم أو منطقتكم اليوم؟',
        ],
        scale: { low: ['Negligible', 'ضئيل'], high: ['Very serious', 'خطير جدًّا'] },
      },
    ],
  },
  {
    title: ['Mechanisms and oversight', 'الآليات والرقابة'],
    description: [
      "What your parliament has set up, and how it oversees the government's action.",
      'ما أنشأه برلمانكم من آليات، وكيف يراقب عمل الحكومة.',
    ],
    questions: [
      {
        key: 'body',
        kind: 'yes_no',
        required: true,
        text: [
          'Does your parliament have a committee or other body dedicated to countering terrorism or preventing violent extremism?',
          'هل لدى برلمانكم لجنة أو هيئة أخرى مختصة بمكافحة الإرهاب أو منع التطرف العنيف؟',
        ],
        help: [
          'A subcommittee, a working group or a parliamentary network counts.',
          'تُحتسب اللجان الفرعية وأفرقة العمل والشبكات البرلمانية.',
        ],
      },
      {
        key: 'mechanism',
        kind: 'mechanism',
        showIfYes: 'body',
        text: ['Which body is it?', 'ما هذه الهيئة؟'],
        help: [
          "Pick it from your parliament's mechanisms in the directory, or describe it if it is not listed yet: a coordinator reviews it before it joins the directory.",
          'اختاروها من آليات برلمانكم المدرجة في الدليل، أو صِفوها إن لم تكن مدرجة بعد، وسيراجعها أحد المنسقين قبل إضافتها إلى الدليل.',
        ],
      },
      {
        key: 'training',
        kind: 'number',
        text: [
          "Since 2023, what share of your parliament's members have taken part in training on countering terrorism or preventing violent extremism?",
          'ما نسبة أعضاء برلمانكم الذين شاركوا منذ عام 2023 في تدريب على مكافحة الإرهاب أو منع التطرف العنيف؟',
        ],
        help: ['An estimate is enough.', 'يكفي تقدير تقريبي.'],
        unit: ['per cent', 'في المئة'],
        min: 0,
        max: 100,
      },
      {
        key: 'lastText',
        kind: 'date',
        text: [
          'When did your parliament last adopt a law, resolution or recommendation on terrorism or violent extremism?',
          'متى اعتمد برلمانكم آخر قانون أو قرار أو توصية بشأن الإرهاب أو التطرف العنيف؟',
        ],
        help: [
          'The date of the final vote. Leave it empty if there has been none.',
          'تاريخ التصويت النهائي. اتركوا الحقل فارغًا إن لم يُعتمد أي نص.',
        ],
      },
      {
        key: 'oversight',
        kind: 'matrix',
        required: true,
        text: [
          "How effective is your parliament's oversight in each of these areas?",
          'ما مدى فعالية الرقابة التي يمارسها برلمانكم في كل مجال من المجالات الآتية؟',
        ],
        help: ['Rate every row.', 'قيّموا كل صف.'],
        scale: { low: ['Not effective', 'غير فعّالة'], high: ['Very effective', 'فعّالة جدًّا'] },
        options: [
          ['Intelligence and security services', 'أجهزة الاستخبارات والأمن'],
          ['Emergency powers', 'صلاحيات الطوارئ'],
          ['Measures against the financing of terrorism', 'تدابير مكافحة تمويل الإرهاب'],
          ['Human rights in counter-terrorism', 'احترام حقوق الإنسان في مكافحة الإرهاب'],
          ['Rehabilitation and reintegration programmes', 'برامج إعادة التأهيل والإدماج'],
        ],
      },
    ],
  },
  {
    title: ['Challenges and support', 'التحديات والدعم'],
    description: [
      'What stands in the way, and what the network could do.',
      'ما يعترض عملكم، وما يمكن أن تقدّمه الشبكة.',
    ],
    questions: [
      {
        key: 'challenges',
        kind: 'long_text',
        required: true,
        text: [
          'What are the main challenges your parliament faces in overseeing counter-terrorism policy?',
          'ما أبرز التحديات التي يواجهها برلمانكم في الرقابة على سياسات مكافحة الإرهاب؟',
        ],
        help: [
          'For example access to classified information, expertise, time or resources. A few sentences are enough.',
          'مثل الاطلاع على المعلومات السرية، أو الخبرة، أو الوقت، أو الموارد. وتكفي بضع جمل.',
        ],
      },
      {
        key: 'instrument',
        kind: 'short_text',
        text: [
          'Which international or regional instrument does your parliament refer to most often in this field?',
          'ما الصك الدولي أو الإقليمي الذي يرجع إليه برلمانكم أكثر من غيره في هذا المجال؟',
        ],
        help: [
          'For example a Security Council resolution or a regional convention.',
          'مثل قرار لمجلس الأمن أو اتفاقية إقليمية.',
        ],
      },
      {
        key: 'assistance',
        kind: 'yes_no',
        text: [
          'Would your parliament welcome technical assistance from the network in this field?',
          'هل يرحّب برلمانكم بالحصول على مساعدة تقنية من الشبكة في هذا المجال؟',
        ],
      },
      {
        key: 'areas',
        kind: 'multiple_choice',
        showIfYes: 'assistance',
        text: ['In which areas?', 'في أي المجالات؟'],
        options: [
          ['Drafting legislation', 'صياغة التشريعات'],
          ['Oversight of the security services', 'الرقابة على الأجهزة الأمنية'],
          ['Scrutiny of the counter-terrorism budget', 'التدقيق في ميزانية مكافحة الإرهاب'],
          ['Prevention programmes and support for victims', 'برامج الوقاية ودعم الضحايا'],
          ['Training for members and staff', 'تدريب الأعضاء والموظفين'],
        ],
      },
      {
        key: 'report',
        kind: 'file',
        text: [
          'If your parliament has published a report on terrorism or violent extremism since 2023, please attach it.',
          'إن كان برلمانكم قد نشر تقريرًا عن الإرهاب أو التطرف العنيف منذ عام 2023، فيُرجى إرفاقه.',
        ],
        help: ['One document, in either language.', 'مستند واحد بأي من اللغتين.'],
      },
    ],
  },
]

type Proposal = {
  kind: MechanismKind
  nameEn: string
  nameAr: string
  descriptionEn: string
  descriptionAr: string
  year: number
}
/** A demo answer: an option's index (single choice), indexes (multiple choice), a matrix's value per row, etc. */
type Given = number | number[] | string | YesNoValue | Proposal

type DemoRespondent = {
  parliament: string
  email: string
  name: string
  locale: Locale
  submit: boolean
  answers: Record<string, Given>
}

/** The six parliaments that submitted (the file question is left unanswered: the demo stores no files). */
export const demoSurveyRespondents: DemoRespondent[] = [
  {
    parliament: 'UK House of Commons',
    email: 'respondent.commons@demo.parlnet.example',
    name: 'Demo Member (UK House of Commons)',
    locale: 'en',
    submit: true,
    answers: {
      threat: 1,
      sources: [0, 1, 2],
      seriousness: 4,
      body: 'yes',
      training: 15,
      lastText: '2025-11-18',
      oversight: [4, 3, 4, 4, 3],
      challenges:
        'Much of the information the committees need is classified, and only a few members may see it. Counter-terrorism bills are often passed quickly after an attack, with little time for scrutiny; sunset clauses and independent review help, but their recommendations are not always followed up.',
      instrument: 'Security Council resolution 2396 (2017)',
      assistance: 'no',
    },
  },
  {
    parliament: 'OSCE Parliamentary Assembly',
    email: 'respondent.oscepa@demo.parlnet.example',
    name: 'Demo Member (OSCE Parliamentary Assembly)',
    locale: 'en',
    submit: true,
    answers: {
      threat: 3,
      sources: [0, 4],
      seriousness: 3,
      body: 'yes',
      mechanism: {
        kind: 'committee',
        nameEn: 'Ad Hoc Committee on Countering Terrorism',
        nameAr: 'اللجنة المخصصة لمكافحة الإرهاب',
        descriptionEn:
          "A committee of the Assembly's members that follows how the participating States implement their commitments on countering terrorism, and shares good practice among national parliaments.",
        descriptionAr:
          'لجنة من أعضاء الجمعية تتابع تنفيذ الدول المشاركة لالتزاماتها في مجال مكافحة الإرهاب، وتنشر الممارسات الجيدة بين البرلمانات الوطنية.',
        year: 2017,
      },
      training: 40,
      lastText: '2025-07-02',
      oversight: [2, 2, 3, 4, 3],
      challenges:
        'As an assembly we adopt recommendations rather than laws: the challenge is following up how national parliaments act on them. Members change often after elections, so expertise is lost, and the exchange of information between participating States remains uneven.',
      instrument: 'OSCE Consolidated Framework for the Fight against Terrorism (2012)',
      assistance: 'yes',
      areas: [1, 4],
    },
  },
  {
    parliament: 'Parliamentary Assembly of the Mediterranean',
    email: 'respondent.pam@demo.parlnet.example',
    name: 'Demo Member (Parliamentary Assembly of the Mediterranean)',
    locale: 'en',
    submit: true,
    answers: {
      threat: 0,
      sources: [2, 3, 4],
      seriousness: 4,
      body: 'no',
      training: 25,
      lastText: '2024-10-24',
      oversight: [2, 2, 3, 3, 2],
      challenges:
        "The threats cross the Mediterranean, but our members' national laws and definitions of terrorism differ. We lack comparable data on prosecutions and on the return of foreign fighters, and few staff can work on the subject.",
      instrument: 'Security Council resolution 2178 (2014)',
      assistance: 'yes',
      areas: [0, 3, 4],
    },
  },
  {
    parliament: 'Arab Parliament',
    email: 'respondent.arabparliament@demo.parlnet.example',
    name: 'Demo Member (Arab Parliament)',
    locale: 'ar',
    submit: true,
    answers: {
      threat: 1,
      sources: [0, 2, 3],
      seriousness: 4,
      body: 'yes',
      training: 30,
      lastText: '2025-03-16',
      oversight: [3, 3, 4, 3, 3],
      challenges:
        'تتباين تعريفات الإرهاب في التشريعات الوطنية للدول الأعضاء، مما يصعّب تنسيق المواقف. ويحتاج الأعضاء إلى خبرة أوسع في تتبّع تمويل الإرهاب عبر الأصول الافتراضية، وإلى بيانات موثوقة عن برامج إعادة التأهيل والإدماج.',
      instrument: 'الاتفاقية العربية لمكافحة الإرهاب (1998)',
      assistance: 'yes',
      areas: [0, 1, 2],
    },
  },
  {
    parliament: 'Parliamentary Assembly of the Council of Europe',
    email: 'respondent.pace@demo.parlnet.example',
    name: 'Demo Member (Parliamentary Assembly of the Council of Europe)',
    locale: 'en',
    submit: true,
    answers: {
      threat: 4,
      sources: [0, 1],
      seriousness: 3,
      body: 'no',
      training: 10,
      lastText: '2025-06-24',
      oversight: [3, 2, 3, 5, 3],
      challenges:
        'Keeping counter-terrorism measures within the European Convention on Human Rights while governments ask for broader powers. Emergency measures tend to become permanent, and parliaments are rarely told how often exceptional powers are used.',
      instrument: 'Council of Europe Convention on the Prevention of Terrorism (2005)',
      assistance: 'dont_know',
    },
  },
  {
    parliament: 'ParlAmericas',
    email: 'respondent.parlamericas@demo.parlnet.example',
    name: 'Demo Member (ParlAmericas)',
    locale: 'en',
    submit: true,
    answers: {
      threat: 2,
      sources: [3, 4],
      seriousness: 2,
      body: 'no',
      training: 5,
      oversight: [2, 2, 2, 3, 2],
      challenges:
        'In our region terrorism is closely tied to organised crime and illicit financing, and parliaments have few specialised staff. Oversight committees rarely receive information from financial intelligence units, and training for new members is irregular.',
      instrument: 'Inter-American Convention against Terrorism (2002)',
      assistance: 'yes',
      areas: [0, 2, 4],
    },
  },
]

/** The Shura Council's response: its first section saved by the demo member, not submitted (theirs to finish). */
const startedAnswers: Record<string, Given> = { threat: 1, sources: [0, 2], seriousness: 4 }

const day = 24 * 60 * 60 * 1000
const demoPassword = 'demo-member-password'

function check<T>(step: string, result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`demo questionnaire: ${step} was refused (${JSON.stringify(result)})`)
  return result.value
}

/** A demo answer as the answer form would post it. */
function formValue(q: Question, given: Given): AnswerFormValue {
  const option = (i: number) => String(q.options[i]!.id)
  switch (q.kind) {
    case 'single_choice':
      return { optionIds: [option(given as number)] }
    case 'multiple_choice':
      return { optionIds: (given as number[]).map(option) }
    case 'yes_no':
      return { choice: given as string }
    case 'scale':
    case 'number':
      return { number: String(given) }
    case 'matrix':
      return { rows: Object.fromEntries((given as number[]).map((v, i) => [option(i), String(v)])) }
    case 'mechanism': {
      const p = given as Proposal
      return { mechanismId: newMechanismValue, proposal: { ...p, year: String(p.year) } }
    }
    default:
      return { text: given as string }
  }
}

/**
 * Adds the demo questionnaire unless it is there (matched by its English title) or the demo accounts are not, with
 * a demo member for each parliament that answers (their password is the demo member's). The surveys feature works
 * on the process's connection (getDb()); a seed of another database gets no questionnaire.
 */
export async function seedDemoSurveys(db: Db, now = new Date()) {
  if (db !== getDb()) return
  if (db.select({ id: survey.id }).from(survey).where(eq(survey.titleEn, demoSurveyTitleEn)).get()) return
  const people = db
    .select({ id: user.id, email: user.email, name: user.name, parliamentId: user.parliamentId })
    .from(user)
    .where(inArray(user.email, ['coordinator@demo.parlnet.example', 'member@demo.parlnet.example']))
    .all()
  const coordinator = people.find((p) => p.email === 'coordinator@demo.parlnet.example')
  const member = people.find((p) => p.email === 'member@demo.parlnet.example')
  const parliaments = db
    .select({ id: parliament.id, nameEn: parliament.nameEn })
    .from(parliament)
    .where(inArray(parliament.nameEn, demoSurveyParliaments))
    .all()
  const parliamentId = new Map(parliaments.map((p) => [p.nameEn, p.id]))
  const shura = parliamentId.get('Shura Council of Qatar')
  if (!coordinator || !member || member.parliamentId !== shura || parliaments.length !== demoSurveyParliaments.length)
    return
  const passwordHash = await hashPassword(demoPassword)
  const by = { id: coordinator.id }

  atomically(() => {
    const mailBefore =
      db
        .select({ id: max(outbox.id) })
        .from(outbox)
        .get()?.id ?? 0
    for (const r of demoSurveyRespondents) {
      db.insert(user)
        .values({
          email: r.email,
          name: r.name,
          role: 'member',
          parliamentId: parliamentId.get(r.parliament)!,
          locale: r.locale,
          passwordHash,
        })
        .onConflictDoNothing()
        .run()
    }

    const { id } = check(
      'createSurvey',
      createSurvey(
        {
          titleEn: demoSurveyTitleEn,
          titleAr: demoSurveyTitleAr,
          introEn:
            'Demo questionnaire written for this portal: its questions, and the answers given in the demo, are illustrations, not the positions of any parliament.\n\nIt asks how parliaments meet the threats arising from terrorism and violent extremism: the challenges their members face, the mechanisms they have set up, how those mechanisms can be activated, and the support the network could give. One response per parliament, written by its members and submitted by one of them; it takes about twenty minutes.',
          introAr:
            'استبيان تجريبي كُتب لهذه البوابة: أسئلته والإجابات المقدَّمة عنه في هذا العرض التجريبي أمثلة توضيحية لا تعبّر عن موقف أي برلمان.\n\nيسأل الاستبيان كيف تتصدى البرلمانات للتهديدات الناشئة عن الإرهاب والتطرف العنيف: التحديات التي يواجهها أعضاؤها، والآليات التي أنشأتها، وسبل تفعيل هذه الآليات، والدعم الذي يمكن أن تقدّمه الشبكة. يُقدَّم ردّ واحد عن كل برلمان، يكتبه أعضاؤه ويرسله أحدهم، ويستغرق ملؤه نحو عشرين دقيقة.',
        },
        by,
      ),
    )
    const s = getSurvey(id)!
    const questionIds = new Map<string, number>()
    demoSurveySections.forEach((section, i) => {
      const words = {
        titleEn: section.title[0],
        titleAr: section.title[1],
        descriptionEn: section.description[0],
        descriptionAr: section.description[1],
      }
      // createSurvey made the first, empty section.
      const sectionId =
        i === 0 ? loadQuestionnaire(id)!.sections[0]!.id : check('addSection', addSection(s, words, by)).id
      if (i === 0) check('updateSection', updateSection(s, sectionId, words, by))
      for (const q of section.questions) {
        const created = check(
          `addQuestion ${q.key}`,
          addQuestion(
            s,
            {
              sectionId,
              kind: q.kind,
              textEn: q.text[0],
              textAr: q.text[1],
              helpEn: q.help?.[0] ?? '',
              helpAr: q.help?.[1] ?? '',
              isRequired: q.required ?? false,
              scaleLowEn: q.scale?.low[0] ?? '',
              scaleLowAr: q.scale?.low[1] ?? '',
              scaleHighEn: q.scale?.high[0] ?? '',
              scaleHighAr: q.scale?.high[1] ?? '',
              unitEn: q.unit?.[0] ?? '',
              unitAr: q.unit?.[1] ?? '',
              numberMin: q.min,
              numberMax: q.max,
              condition: q.showIfYes ? `${questionIds.get(q.showIfYes)!}:yes` : '',
              options: (q.options ?? []).map(([labelEn, labelAr]) => ({ labelEn, labelAr })),
            },
            by,
          ),
        )
        questionIds.set(q.key, created.id)
      }
    })

    const deadline = new Date(now.getTime() + 42 * day).toISOString().slice(0, 10)
    check(
      'sendSurvey',
      sendSurvey(s, { mode: 'hand', parliamentIds: [...parliamentId.values()], deadline, reminderDays: 0 }, by, now),
    )

    const questionnaire = loadQuestionnaire(id)!
    const byKey = new Map(
      [...questionIds].map(([key, qid]) => [key, questionnaire.questions.find((q) => q.id === qid)!]),
    )
    const values = (answers: Record<string, Given>): AnswerFormValues =>
      Object.fromEntries(
        Object.entries(answers).map(([key, given]) => {
          const q = byKey.get(key)!
          return [q.id, formValue(q, given)]
        }),
      )
    const respond = (who: Respondent, answers: Record<string, Given>, submit: boolean, at: Date) => {
      const response = getResponseOf(id, who.parliamentId)!
      check(
        `saveResponse ${who.name}`,
        saveResponse(
          questionnaire,
          response,
          { baseRevision: response.revision, values: values(answers), submit },
          who,
          at,
        ),
      )
    }
    const respondents = db
      .select({ id: user.id, email: user.email, name: user.name, parliamentId: user.parliamentId })
      .from(user)
      .where(
        inArray(
          user.email,
          demoSurveyRespondents.map((r) => r.email),
        ),
      )
      .all()
    // A second apart, in this order, so that the status board's "last activity" reads as a sequence.
    let second = 0
    let submitted = 0
    const next = () => new Date(now.getTime() + ++second * 1000)
    for (const r of demoSurveyRespondents) {
      const who = respondents.find((p) => p.email === r.email)!
      // An account of that address already there but for another parliament: its response stays unanswered.
      if (who.parliamentId !== parliamentId.get(r.parliament)) continue
      respond({ id: who.id, name: who.name, parliamentId: who.parliamentId! }, r.answers, r.submit, next())
      if (r.submit) submitted++
    }
    respond({ id: member.id, name: member.name, parliamentId: shura }, startedAnswers, false, next())

    if (submitted >= minimumCell) check('publishResults', publishResults(getSurvey(id)!, by, next()))
    // The demo's people are not mailed about the demo (the functions above queued their usual mails).
    db.delete(outbox).where(gt(outbox.id, mailBefore)).run()
  })
}
