// The demo catalogue: one programme of each kind the seed report names among the tasks of the UNOCT Programme
// Office on Parliamentary Engagement in Preventing and Countering Terrorism (Doha, ../shared/DOMAIN.md): drafting
// and model laws, capacity building, research and analysis, and dialogue between governments and parliaments.
// The descriptions say what is offered, not what has been done: no figures, no named beneficiaries.
import { eq } from 'drizzle-orm'
import type { Db } from '~/utils/db.server'
import type { ContentLanguage, DeliveryFormat, ProgrammeKind, Theme } from './enums'
import { programme, programmeTheme, user } from './schema/index'

type DemoProgramme = {
  kind: ProgrammeKind
  titleEn: string
  titleAr: string
  summaryEn: string
  summaryAr: string
  descriptionEn: string
  descriptionAr: string
  audienceEn: string
  audienceAr: string
  formats: DeliveryFormat[]
  languages: ContentLanguage[]
  themes: Theme[]
  position: number
}

export const demoProgrammes: DemoProgramme[] = [
  {
    kind: 'legislative_drafting',
    titleEn: 'Drafting and review of counter-terrorism legislation',
    titleAr: 'صياغة تشريعات مكافحة الإرهاب ومراجعتها',
    summaryEn:
      'Written comments and drafting help on bills and amendments on terrorism and violent extremism conducive to terrorism, read against the UN Global Counter-Terrorism Strategy, the relevant Security Council resolutions and human rights law.',
    summaryAr:
      'ملاحظات مكتوبة ومساعدة في صياغة مشروعات القوانين والتعديلات المتعلقة بالإرهاب والتطرف العنيف المؤدي إلى الإرهاب، في ضوء استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب وقرارات مجلس الأمن ذات الصلة وقانون حقوق الإنسان.',
    descriptionEn:
      'A committee sends the text of a bill, an amendment or an existing law, and says what it needs: a full review, comments on some articles, or help drafting new provisions. Experts of the programme office, with the relevant United Nations entities, compare it with the four pillars of the UN Global Counter-Terrorism Strategy and with Security Council resolutions such as 1373 (2001) on the financing of terrorism and 2396 (2017) on returning foreign terrorist fighters, and check definitions, safeguards and oversight.\n\nThe answer comes as a written memorandum in the language of the request, and can be discussed with the committee in an online meeting. Parliaments remain the authors of their laws: the review offers options, not a text to adopt.',
    descriptionAr:
      'ترسل اللجنة نص مشروع القانون أو التعديل أو القانون النافذ، وتحدد ما تحتاج إليه: مراجعة شاملة، أو ملاحظات على مواد بعينها، أو المساعدة في صياغة أحكام جديدة. ويقارن خبراء مكتب البرنامج، بالتعاون مع هيئات الأمم المتحدة المعنية، النص بالركائز الأربع لاستراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب وبقرارات مجلس الأمن مثل القرار 1373 (2001) بشأن تمويل الإرهاب والقرار 2396 (2017) بشأن المقاتلين الإرهابيين الأجانب العائدين، ويراجعون التعريفات والضمانات وآليات الرقابة.\n\nويأتي الرد في مذكرة مكتوبة بلغة الطلب، ويمكن مناقشتها مع اللجنة في اجتماع عبر الإنترنت. وتبقى البرلمانات صاحبة تشريعاتها: فالمراجعة تقترح خيارات، لا نصًا جاهزًا للاعتماد.',
    audienceEn: 'Committees on security, legal and human rights affairs, and their legislative drafting staff',
    audienceAr: 'لجان الأمن والشؤون القانونية وحقوق الإنسان، والعاملون فيها على صياغة التشريعات',
    formats: ['online', 'written'],
    languages: ['ar', 'en', 'fr'],
    themes: ['legislation_oversight', 'human_rights', 'terrorism_financing'],
    position: 10,
  },
  {
    kind: 'model_laws',
    titleEn: 'Model laws, policies and strategies led by parliaments',
    titleAr: 'تشريعات وسياسات واستراتيجيات نموذجية تقودها البرلمانات',
    summaryEn:
      'Support for parliamentary assemblies and parliaments that lead the drafting of model legislation, policies and strategies against terrorism and violent extremism.',
    summaryAr:
      'دعم الجمعيات البرلمانية والبرلمانات التي تقود صياغة تشريعات وسياسات واستراتيجيات نموذجية لمكافحة الإرهاب والتطرف العنيف.',
    descriptionEn:
      'A regional assembly preparing a model law for its members, or a parliament writing its part of a national strategy, can ask the programme office to accompany the work: an outline of the subjects to cover, comparative examples from other regions, comments on successive drafts, and an expert at the meetings where the text is discussed.\n\nThe aim is normative work led by parliaments, one of the tasks of the programme office: texts that each member parliament can adapt to its own legal system, in line with international law.',
    descriptionAr:
      'يمكن للجمعية الإقليمية التي تُعدّ قانونًا نموذجيًا لأعضائها، أو للبرلمان الذي يكتب الجزء الخاص به من استراتيجية وطنية، أن يطلب من مكتب البرنامج مرافقة العمل: مخطط للموضوعات التي ينبغي تناولها، وأمثلة مقارنة من مناطق أخرى، وملاحظات على المسودات المتتالية، ومشاركة خبير في الاجتماعات التي يُناقش فيها النص.\n\nوالهدف عمل معياري تقوده البرلمانات، وهو من مهام مكتب البرنامج: نصوص يستطيع كل برلمان عضو أن يكيّفها مع نظامه القانوني، بما يتفق مع القانون الدولي.',
    audienceEn: 'Parliamentary assemblies and unions, and parliaments preparing a national strategy',
    audienceAr: 'الجمعيات والاتحادات البرلمانية، والبرلمانات التي تعدّ استراتيجية وطنية',
    formats: ['hybrid', 'written'],
    languages: ['ar', 'en', 'fr', 'es', 'ru'],
    themes: ['legislation_oversight', 'prevention'],
    position: 20,
  },
  {
    kind: 'training',
    titleEn: 'Training: women, youth, peace and security (resolutions 1325 and 2250)',
    titleAr: 'التدريب: المرأة والشباب والسلام والأمن (القراران 1325 و2250)',
    summaryEn:
      'Workshops for parliamentarians on what Security Council resolutions 1325 (2000) and 2250 (2015) ask of parliaments in preventing violent extremism conducive to terrorism, and on the place of women and young people in that work.',
    summaryAr:
      'ورش عمل للبرلمانيين حول ما يطلبه قرارا مجلس الأمن 1325 (2000) و2250 (2015) من البرلمانات في منع التطرف العنيف المؤدي إلى الإرهاب، وحول دور النساء والشباب في هذا العمل.',
    descriptionEn:
      "Sessions of one to three days, built with the requesting parliament: the two resolutions and the UN Global Counter-Terrorism Strategy; how laws, budgets and oversight can take account of women's and young people's experience of violent extremism; hearing civil society; and exchanges of practice between participants.\n\nThe workshops belong to the partnerships with United Nations entities to empower women and young parliamentarians discussed at the first coordination meeting in Doha. They can be held for one parliament or for several, in person, online or both.",
    descriptionAr:
      'جلسات تستمر من يوم إلى ثلاثة أيام، تُعدّ بالتعاون مع البرلمان الطالب: القراران واستراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب؛ وكيف يمكن للتشريعات والموازنات والرقابة أن تراعي تجربة النساء والشباب مع التطرف العنيف؛ والاستماع إلى المجتمع المدني؛ وتبادل الممارسات بين المشاركين.\n\nوتندرج ورش العمل ضمن الشراكات مع مؤسسات الأمم المتحدة لتمكين النساء والشباب البرلمانيين التي بحثها الاجتماع التنسيقي الأول في الدوحة. ويمكن تنظيمها لبرلمان واحد أو لعدة برلمانات، حضوريًا أو عبر الإنترنت أو بالطريقتين معًا.',
    audienceEn:
      'Women and young parliamentarians, members of committees on gender equality, youth, security and human rights, and their staff',
    audienceAr:
      'النساء والشباب البرلمانيون، وأعضاء لجان المساواة بين الجنسين والشباب والأمن وحقوق الإنسان، والعاملون معهم',
    formats: ['in_person', 'online', 'hybrid'],
    languages: ['ar', 'en', 'fr'],
    themes: ['women', 'youth', 'prevention', 'human_rights'],
    position: 30,
  },
  {
    kind: 'expert_briefing',
    titleEn: 'Expert briefings on threats and challenges',
    titleAr: 'إحاطات الخبراء بشأن التهديدات والتحديات',
    summaryEn:
      'A briefing by United Nations or independent experts for a committee or a group of parliamentarians before a debate, a hearing or a vote.',
    summaryAr:
      'إحاطة يقدمها خبراء من الأمم المتحدة أو خبراء مستقلون إلى لجنة أو مجموعة من البرلمانيين قبل مناقشة أو جلسة استماع أو تصويت.',
    descriptionEn:
      'Knowing and analysing the threats posed by terrorism is the first step of oversight. A committee chooses the subject — foreign terrorist fighters and their return, the financing of terrorism, radicalisation online, the protection of critical infrastructure, or another — and the programme office finds the experts and prepares a short background note.\n\nBriefings last one to two hours, in a closed session or in public as the committee decides, with interpretation when needed.',
    descriptionAr:
      'معرفة التهديدات الناتجة عن الإرهاب وتحليلها هي الخطوة الأولى في الرقابة. تختار اللجنة الموضوع — المقاتلون الإرهابيون الأجانب وعودتهم، أو تمويل الإرهاب، أو التطرف عبر الإنترنت، أو حماية البنية التحتية الحيوية، أو غير ذلك — ويختار مكتب البرنامج الخبراء ويُعدّ مذكرة معلومات أساسية موجزة.\n\nتستغرق الإحاطة ساعة أو ساعتين، في جلسة مغلقة أو علنية بحسب ما تقرره اللجنة، مع الترجمة الفورية عند الحاجة.',
    audienceEn: 'Committees, caucuses and groups of parliamentarians',
    audienceAr: 'اللجان والتكتلات ومجموعات البرلمانيين',
    formats: ['in_person', 'online'],
    languages: ['ar', 'en', 'fr', 'es'],
    themes: ['foreign_terrorist_fighters', 'terrorism_financing', 'online_radicalisation', 'critical_infrastructure'],
    position: 40,
  },
  {
    kind: 'research',
    titleEn: 'Research and analysis for parliaments',
    titleAr: 'البحوث والتحليلات لدعم البرلمانات',
    summaryEn:
      'Studies on request: the challenges parliamentarians face, the mechanisms parliaments have set up to meet them, and how those mechanisms can be activated.',
    summaryAr:
      'دراسات بناءً على الطلب: التحديات التي تواجه البرلمانيين، والآليات التي وضعتها البرلمانات لمواجهتها، وكيف يمكن تفعيل هذه الآليات.',
    descriptionEn:
      'A parliament or an assembly asks a question — how do other parliaments oversee their intelligence services, which committees follow the implementation of a counter-terrorism law, what support victims of terrorism receive — and the programme office answers with a comparative note drawing on the mechanisms recorded in the network and on published sources.\n\nFindings that can interest other members are shared in the library, with the agreement of the parliament that asked.',
    descriptionAr:
      'يطرح برلمان أو جمعية برلمانية سؤالًا — كيف تراقب البرلمانات الأخرى أجهزة الاستخبارات، وأي اللجان تتابع تنفيذ قانون مكافحة الإرهاب، وما الدعم الذي يتلقاه ضحايا الإرهاب — فيجيب مكتب البرنامج بمذكرة مقارنة تستند إلى الآليات المسجلة في الشبكة وإلى المصادر المنشورة.\n\nوتُنشر في المكتبة النتائج التي قد تهم أعضاء آخرين، بموافقة البرلمان الذي طلبها.',
    audienceEn: 'Parliaments, parliamentary assemblies and their research services',
    audienceAr: 'البرلمانات والجمعيات البرلمانية ودوائر البحوث فيها',
    formats: ['written'],
    languages: ['ar', 'en'],
    themes: ['legislation_oversight', 'victims', 'prevention'],
    position: 50,
  },
  {
    kind: 'peer_exchange',
    titleEn: 'Peer exchanges between parliaments',
    titleAr: 'تبادل الخبرات بين البرلمانات',
    summaryEn:
      'Study visits and exchanges between the committees and secretariats of member parliaments and assemblies, to learn how another parliament legislates and oversees in this field.',
    summaryAr:
      'زيارات دراسية وتبادل بين لجان البرلمانات والجمعيات الأعضاء وأماناتها، للتعرف على طريقة برلمان آخر في التشريع والرقابة في هذا المجال.',
    descriptionEn:
      'The programme office puts two or more parliaments in touch around a shared question, and helps them organise a visit, an online exchange or a short secondment of staff. Exchanges between young parliamentarians of different regions are welcome.\n\nEach exchange ends with a short summary of what was learnt, shared with the participants and, if they agree, with the network.',
    descriptionAr:
      'يضع مكتب البرنامج برلمانين أو أكثر على تواصل حول مسألة مشتركة، ويساعدها على تنظيم زيارة أو تبادل عبر الإنترنت أو انتداب قصير لموظفين. ويُرحَّب بالتبادل بين البرلمانيين الشباب من مناطق مختلفة.\n\nويُختتم كل تبادل بملخص موجز لما تعلّمه المشاركون، يُتاح لهم وللشبكة إذا وافقوا على ذلك.',
    audienceEn: 'Committee chairs and members, young parliamentarians, and secretariat staff',
    audienceAr: 'رؤساء اللجان وأعضاؤها، والبرلمانيون الشباب، وموظفو الأمانات',
    formats: ['in_person', 'online'],
    languages: ['ar', 'en', 'fr', 'es'],
    themes: ['legislation_oversight', 'youth'],
    position: 60,
  },
  {
    kind: 'dialogue',
    titleEn: 'Dialogue between governments and parliaments',
    titleAr: 'الحوار بين الحكومات والبرلمانات',
    summaryEn:
      'A facilitated dialogue between a parliament and its government on the national counter-terrorism strategy and the balanced implementation of the four pillars of the UN Global Counter-Terrorism Strategy.',
    summaryAr:
      'حوار مُيسَّر بين البرلمان والحكومة حول الاستراتيجية الوطنية لمكافحة الإرهاب والتنفيذ المتوازن للركائز الأربع لاستراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب.',
    descriptionEn:
      "Facilitating dialogue and cooperation between governments and parliaments is one of the programme office's tasks. At the request of a parliament, and with its government's agreement, the office prepares and moderates a meeting between members of parliament and the ministries concerned: what the strategy provides, what each side needs from the other, and how parliament can follow its implementation.\n\nThe meeting is held in the country or online, under rules agreed beforehand, and closes with follow-up points both sides accept.",
    descriptionAr:
      'تيسير الحوار والتعاون بين الحكومات والبرلمانات من مهام مكتب البرنامج. فبناءً على طلب البرلمان، وبموافقة حكومته، يُعدّ المكتب اجتماعًا بين أعضاء البرلمان والوزارات المعنية ويديره: ما تنص عليه الاستراتيجية، وما يحتاج إليه كل طرف من الآخر، وكيف يمكن للبرلمان متابعة تنفيذها.\n\nيُعقد الاجتماع في البلد أو عبر الإنترنت، وفق قواعد متفق عليها مسبقًا، ويُختتم بنقاط متابعة يقبلها الطرفان.',
    audienceEn: 'Speakers, committee chairs and members, and the ministries concerned',
    audienceAr: 'رؤساء المجالس ورؤساء اللجان وأعضاؤها، والوزارات المعنية',
    formats: ['in_person', 'hybrid'],
    languages: ['ar', 'en', 'fr'],
    themes: ['legislation_oversight', 'prevention', 'human_rights'],
    position: 70,
  },
]

/** Loads the demo catalogue; safe to run again (programmes are matched by English title). */
export function seedDemoProgrammes(db: Db) {
  const coordinator = db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, 'coordinator@demo.parlnet.example'))
    .get()
  db.transaction((tx) => {
    for (const p of demoProgrammes) {
      if (tx.select({ id: programme.id }).from(programme).where(eq(programme.titleEn, p.titleEn)).get()) continue
      const { themes, formats, languages, ...fields } = p
      const { id } = tx
        .insert(programme)
        .values({
          ...fields,
          formats: formats.join(','),
          languages: languages.join(','),
          createdById: coordinator?.id ?? null,
        })
        .returning({ id: programme.id })
        .get()
      tx.insert(programmeTheme)
        .values(themes.map((theme) => ({ programmeId: id, theme })))
        .run()
    }
  })
}
