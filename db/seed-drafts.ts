// The demo draft (issue 15): a model law on countering the financing of terrorism, written for this portal (not an
// adopted instrument, as its summary says), in Arabic and English, in consultation until a date after the seed, with
// two saved versions, a comment thread with a reply, and one accepted and one rejected amendment. Written through the
// drafts feature's own functions, so that its rows are those the pages make (audit rows and histories included).
// The mails those functions queue are deleted in the same transaction: the demo's people are never mailed.
import { and, eq, gt, inArray, max } from 'drizzle-orm'
import { createDraft, getDraft, moveDraftStage, type DraftDetail } from '~/features/drafts/draft.server'
import { addProvisionTree, getProvisionTexts, saveProvisionText } from '~/features/drafts/provision.server'
import type { ProvisionTreeNode } from '~/features/drafts/schemas'
import { saveVersion } from '~/features/drafts/version.server'
import { postComment, replyToComment, type Participant } from '~/features/drafts/comment.server'
import { acceptAmendment, proposeAmendment, rejectAmendment } from '~/features/drafts/amendment.server'
import { getDb, type Db } from '~/utils/db.server'
import { atomically } from '~/utils/transaction.server'
import { draft, outbox, parliament, provision, user } from './schema/index'

export const demoDraftTitleEn = 'Model law on countering the financing of terrorism'
const demoDraftTitleAr = 'القانون النموذجي لمكافحة تمويل الإرهاب'

type Node = ProvisionTreeNode & { wId: string }

/** A provision with its heading and body in English and Arabic (the number is computed from its place). */
function node(
  wId: string,
  kind: Node['kind'],
  en: [heading: string, body: string],
  ar: [heading: string, body: string],
  children: Node[] = [],
): Node {
  return {
    wId,
    kind,
    texts: { en: { heading: en[0], body: en[1] }, ar: { heading: ar[0], body: ar[1] } },
    children,
  }
}
const article = (wId: string, en: [string, string], ar: [string, string], children: Node[] = []) =>
  node(wId, 'article', en, ar, children)
const chapter = (wId: string, en: string, ar: string, articles: Node[]) =>
  node(wId, 'chapter', [en, ''], [ar, ''], articles)
const paragraph = (wId: string, en: string, ar: string) => node(wId, 'paragraph', ['', en], ['', ar])
const point = (wId: string, en: string, ar: string) => node(wId, 'point', ['', en], ['', ar])

// Paragraph 1 of the article on freezing under Security Council resolutions, before and after the accepted amendment.
const freezingV1 = {
  en: 'The competent authority shall freeze without delay the funds or other assets of any person or entity designated by the Security Council or its committees under Chapter VII of the Charter of the United Nations.',
  ar: 'تُجمِّد السلطة المختصة، دون تأخير، أموال كل شخص أو كيان يُدرجه مجلس الأمن أو إحدى لجانه بموجب الفصل السابع من ميثاق الأمم المتحدة، أو أصوله الأخرى.',
}
const freezingV2 = {
  en: 'The competent authority shall freeze without delay, and in any case within twenty-four hours and without prior notice, the funds or other assets of any person or entity designated by the Security Council or its committees under Chapter VII of the Charter of the United Nations.',
  ar: 'تُجمِّد السلطة المختصة فورًا، وفي مدة لا تتجاوز أربعًا وعشرين ساعة ودون إخطار مسبق، أموال كل شخص أو كيان يُدرجه مجلس الأمن أو إحدى لجانه بموجب الفصل السابع من ميثاق الأمم المتحدة، أو أصوله الأخرى.',
}
// The article on entry into force, before and after the editor's change between the two versions.
const entryIntoForceV1 = {
  en: 'This Law enters into force thirty days after its publication in the Official Gazette.',
  ar: 'يُعمل بهذا القانون بعد ثلاثين يومًا من تاريخ نشره في الجريدة الرسمية.',
}
const entryIntoForceV2 = {
  en: 'This Law enters into force ninety days after its publication in the Official Gazette.',
  ar: 'يُعمل بهذا القانون بعد تسعين يومًا من تاريخ نشره في الجريدة الرسمية.',
}

/** The text of version 1: a preamble, then 22 articles in six chapters. */
export const demoDraftTree: Node[] = [
  node(
    'preamble',
    'preamble',
    [
      '',
      'The Parliament,\n\nRecalling the International Convention for the Suppression of the Financing of Terrorism of 1999 and Security Council resolutions 1373 (2001), 2178 (2014) and 2462 (2019),\n\nConvinced that depriving terrorists of funds is among the most effective means of preventing terrorist acts,\n\nDetermined that measures against the financing of terrorism respect human rights, the rule of law and international humanitarian law, and do not impede principled humanitarian action,\n\nEnacts the following Law:',
    ],
    [
      '',
      'إن البرلمان،\n\nإذ يستذكر الاتفاقية الدولية لقمع تمويل الإرهاب لعام 1999، وقرارات مجلس الأمن 1373 (2001) و2178 (2014) و2462 (2019)،\n\nواقتناعًا منه بأن حرمان الإرهابيين من الأموال من أنجع السبل لمنع الأعمال الإرهابية،\n\nوحرصًا منه على أن تحترم تدابير مكافحة تمويل الإرهاب حقوق الإنسان وسيادة القانون والقانون الدولي الإنساني، وألّا تعوق العمل الإنساني القائم على المبادئ،\n\nيُصدر القانون الآتي:',
    ],
  ),
  chapter('chp_general', 'General provisions', 'أحكام عامة', [
    article(
      'art_purpose',
      [
        'Purpose',
        'This Law aims to prevent and suppress the financing of terrorism, to freeze without delay the funds and other assets of terrorists and terrorist organisations, and to strengthen national and international cooperation to that end, in accordance with the international obligations of the State.',
      ],
      [
        'الغرض من القانون',
        'يهدف هذا القانون إلى منع تمويل الإرهاب وقمعه، وتجميد أموال الإرهابيين والمنظمات الإرهابية وأصولهم الأخرى دون تأخير، وتعزيز التعاون الوطني والدولي تحقيقًا لذلك، وفقًا للالتزامات الدولية للدولة.',
      ],
    ),
    article(
      'art_definitions',
      [
        'Definitions',
        'For the purposes of this Law, the following words and expressions have the meanings set out against each of them:',
      ],
      ['التعاريف', 'في تطبيق أحكام هذا القانون، يُقصد بالكلمات والعبارات الآتية المعاني المبيّنة قرين كلٍّ منها:'],
      [
        point(
          'def_funds',
          '"Funds or other assets": assets of every kind, tangible or intangible, movable or immovable, however acquired, including virtual assets, and legal documents or instruments in any form evidencing title to, or an interest in, such assets.',
          '«الأموال أو الأصول الأخرى»: الأصول أيًّا كان نوعها، ماديةً كانت أو غير مادية، منقولةً أو غير منقولة، وأيًّا كانت وسيلة الحصول عليها، بما في ذلك الأصول الافتراضية، والمستندات أو الصكوك القانونية أيًّا كان شكلها التي تُثبت ملكية تلك الأصول أو حقًّا فيها.',
        ),
        point(
          'def_terrorist_act',
          '"Terrorist act": an act that constitutes an offence within the scope of, and as defined in, one of the treaties listed in the annex to the International Convention for the Suppression of the Financing of Terrorism, or any other act intended to cause death or serious bodily injury to a civilian, when its purpose, by its nature or context, is to intimidate a population or to compel a government or an international organisation to do or to abstain from doing any act.',
          '«العمل الإرهابي»: كل فعل يشكّل جريمةً في نطاق إحدى المعاهدات المدرجة في مرفق الاتفاقية الدولية لقمع تمويل الإرهاب وبحسب تعريفها فيها، وكل فعل آخر يُقصد به التسبب في موت مدني أو إصابته بجروح بدنية جسيمة، متى كان الغرض منه، بحكم طبيعته أو سياقه، ترويع السكان أو إرغام حكومة أو منظمة دولية على القيام بعمل ما أو الامتناع عنه.',
        ),
        point(
          'def_organisation',
          '"Terrorist organisation": any group of terrorists that commits, attempts to commit, organises or contributes to terrorist acts.',
          '«المنظمة الإرهابية»: كل جماعة من الإرهابيين ترتكب عملًا إرهابيًّا أو تشرع في ارتكابه أو تنظّمه أو تُسهم فيه.',
        ),
        point(
          'def_freezing',
          '"Freezing": the prohibition of the transfer, conversion, disposition or movement of funds or other assets, on the basis of a decision of a competent authority and for as long as that decision is in force.',
          '«التجميد»: حظر نقل الأموال أو الأصول الأخرى أو تحويلها أو التصرف فيها أو تحريكها، بناءً على قرار صادر عن سلطة مختصة وطوال مدة سريان ذلك القرار.',
        ),
        point(
          'def_unit',
          '"Unit": the financial intelligence unit established by this Law.',
          '«الوحدة»: وحدة المعلومات المالية المنشأة بموجب هذا القانون.',
        ),
        point(
          'def_reporting_entity',
          '"Reporting entity": a financial institution, or a designated non-financial business or profession, that this Law obliges to report suspicious transactions.',
          '«الجهة المُبلِّغة»: كل مؤسسة مالية، أو أعمال أو مهن غير مالية محددة، يُلزمها هذا القانون بالإبلاغ عن المعاملات المشبوهة.',
        ),
      ],
    ),
    article(
      'art_scope',
      [
        'Scope',
        'This Law applies to the offences it defines, whether committed within the territory of the State or outside it, when the offender is a national of the State or is present in its territory, or when the offence is directed against the State, its nationals or its interests.',
      ],
      [
        'نطاق التطبيق',
        'تسري أحكام هذا القانون على الجرائم المنصوص عليها فيه، سواء ارتُكبت داخل إقليم الدولة أو خارجه، متى كان مرتكبها من مواطني الدولة أو موجودًا في إقليمها، أو كانت الجريمة موجّهةً ضد الدولة أو مواطنيها أو مصالحها.',
      ],
    ),
  ]),
  chapter('chp_offences', 'Criminalisation', 'التجريم', [
    article(
      'art_offence',
      ['The offence of financing terrorism', ''],
      ['جريمة تمويل الإرهاب', ''],
      [
        paragraph(
          'para_offence_1',
          'Any person who, by any means, directly or indirectly, wilfully provides or collects funds or other assets with the intention that they should be used, or in the knowledge that they are to be used, in full or in part, to carry out a terrorist act, or by a terrorist organisation or an individual terrorist, commits the offence of financing terrorism.',
          'يُعدّ مرتكبًا لجريمة تمويل الإرهاب كلُّ من قدّم أموالًا أو أصولًا أخرى أو جمعها عمدًا، بأي وسيلة كانت، بصورة مباشرة أو غير مباشرة، بنية استخدامها أو مع علمه بأنها ستُستخدم، كليًّا أو جزئيًّا، في ارتكاب عمل إرهابي، أو من قِبل منظمة إرهابية أو إرهابي فرد.',
        ),
        paragraph(
          'para_offence_2',
          'The offence is committed even where the funds or other assets are not linked to a specific terrorist act, and whether or not they were actually used.',
          'تقوم الجريمة ولو لم ترتبط الأموال أو الأصول الأخرى بعمل إرهابي محدد، وسواء استُخدمت فعلًا أم لم تُستخدم.',
        ),
        paragraph(
          'para_offence_3',
          'Financing the travel of individuals to a State other than their State of residence or nationality for the purpose of perpetrating, planning or preparing terrorist acts, or of providing or receiving terrorist training, is the financing of terrorism.',
          'يُعدّ تمويلًا للإرهاب تمويلُ سفر الأفراد إلى دولة غير دولة إقامتهم أو جنسيتهم بغرض ارتكاب أعمال إرهابية أو التخطيط لها أو الإعداد لها، أو تقديم تدريب إرهابي أو تلقّيه.',
        ),
      ],
    ),
    article(
      'art_attempt',
      [
        'Attempt and participation',
        'The attempt to commit the offence of financing terrorism, participation in it as an accomplice, and organising or directing others to commit it are punished with the penalty for the completed offence.',
      ],
      [
        'الشروع والمساهمة',
        'يُعاقَب على الشروع في ارتكاب جريمة تمويل الإرهاب، وعلى الاشتراك فيها، وعلى تنظيم ارتكابها أو توجيه الغير إلى ارتكابها، بالعقوبة المقررة للجريمة التامة.',
      ],
    ),
    article(
      'art_legal_persons',
      [
        'Liability of legal persons',
        'A legal person is liable for the offence of financing terrorism committed in its name or for its benefit by any person acting alone or as a member of one of its organs, without prejudice to the criminal liability of natural persons.\n\nIn addition to a fine, the court may order the dissolution of the legal person, the closure of its premises or its exclusion from public procurement.',
      ],
      [
        'مسؤولية الأشخاص الاعتبارية',
        'يُسأل الشخص الاعتباري عن جريمة تمويل الإرهاب التي تُرتكب باسمه أو لحسابه من أي شخص يعمل منفردًا أو بصفته عضوًا في أحد أجهزته، دون الإخلال بالمسؤولية الجزائية للأشخاص الطبيعيين.\n\nوللمحكمة، فضلًا عن الغرامة، أن تقضي بحلّ الشخص الاعتباري أو بإغلاق مقارّه أو بحرمانه من المشاركة في المناقصات العامة.',
      ],
    ),
    article(
      'art_penalties',
      [
        'Penalties',
        'The offence of financing terrorism is punished by imprisonment for not less than [five] and not more than [fifteen] years and by a fine of not less than [amount].\n\nThe court orders the confiscation of the funds or other assets that were the object of the offence, or of its proceeds, without prejudice to the rights of third parties in good faith.',
      ],
      [
        'العقوبات',
        'يُعاقَب على جريمة تمويل الإرهاب بالسجن مدةً لا تقل عن [خمس] سنوات ولا تزيد على [خمس عشرة] سنة، وبغرامة لا تقل عن [المبلغ].\n\nوتقضي المحكمة بمصادرة الأموال أو الأصول الأخرى محل الجريمة أو متحصّلاتها، مع عدم الإخلال بحقوق الغير حسن النية.',
      ],
    ),
  ]),
  chapter('chp_freezing', 'Freezing of funds and other assets', 'تجميد الأموال والأصول الأخرى', [
    article(
      'art_freezing_un',
      ['Freezing under Security Council resolutions', ''],
      ['التجميد تنفيذًا لقرارات مجلس الأمن', ''],
      [
        paragraph('para_freezing_1', freezingV1.en, freezingV1.ar),
        paragraph(
          'para_freezing_2',
          'The freezing extends to funds or other assets owned or controlled, wholly or jointly, directly or indirectly, by the designated person or entity, and to those of persons acting on their behalf or at their direction.',
          'يشمل التجميد الأموال أو الأصول الأخرى التي يملكها الشخص أو الكيان المُدرَج أو يتحكم فيها، كليًّا أو بالاشتراك مع غيره، بصورة مباشرة أو غير مباشرة، وكذلك أموال الأشخاص الذين يتصرفون نيابةً عنه أو بتوجيه منه وأصولهم الأخرى.',
        ),
        paragraph(
          'para_freezing_3',
          'No person may make funds or other assets available, directly or indirectly, to a designated person or entity or for their benefit, except as authorised under this Chapter.',
          'يُحظر على أي شخص أن يُتيح، بصورة مباشرة أو غير مباشرة، أموالًا أو أصولًا أخرى لشخص أو كيان مُدرَج أو لمصلحته، إلا بإذن وفقًا لأحكام هذا الفصل.',
        ),
      ],
    ),
    article(
      'art_national_list',
      [
        'National designation',
        'On a proposal of the public prosecutor or of the Unit, the [competent minister] may place on the national list persons or entities when there are reasonable grounds to believe that they commit, attempt to commit or facilitate terrorist acts, and may act on a reasoned request from another State.\n\nThe decision is published and notified to the person or entity designated, with those of its reasons that may be disclosed.',
      ],
      [
        'الإدراج على القائمة الوطنية',
        'يجوز [للوزير المختص]، بناءً على اقتراح النيابة العامة أو الوحدة، أن يُدرج على القائمة الوطنية الأشخاصَ أو الكيانات التي تتوافر أسباب معقولة للاعتقاد بأنها ترتكب أعمالًا إرهابية أو تشرع في ارتكابها أو تسهّلها، وله أن ينظر في الطلبات المسبَّبة الواردة من دول أخرى.\n\nويُنشر القرار ويُبلَّغ به الشخص أو الكيان المُدرَج، مع ما يجوز الإفصاح عنه من أسبابه.',
      ],
    ),
    article(
      'art_basic_expenses',
      [
        'Basic expenses and third parties in good faith',
        'The competent authority may authorise access to frozen funds or other assets necessary for basic expenses, including foodstuffs, rent, medicines and medical treatment, taxes and legal fees, in accordance with the procedures of the Security Council where they apply.\n\nFreezing does not prejudice the rights of third parties acting in good faith.',
      ],
      [
        'النفقات الأساسية وحقوق الغير حسن النية',
        'يجوز للسلطة المختصة أن تأذن بالتصرف في ما يلزم من الأموال أو الأصول الأخرى المجمَّدة لتغطية النفقات الأساسية، ومنها المواد الغذائية والإيجار والأدوية والعلاج الطبي والضرائب وأتعاب المحاماة، وفقًا لإجراءات مجلس الأمن حيثما انطبقت.\n\nولا يُخلّ التجميد بحقوق الغير حسن النية.',
      ],
    ),
    article(
      'art_unfreezing',
      [
        'Challenge, delisting and unfreezing',
        'Any person or entity affected by a freezing measure may challenge it before the competent court, which decides within [thirty] days.\n\nThe competent authority unfreezes without delay the funds or other assets of persons or entities removed from a list, and those of persons affected by mistake, such as persons with the same or a similar name.',
      ],
      [
        'التظلّم ورفع الاسم من القائمة وإلغاء التجميد',
        'لكل شخص أو كيان تضرّر من إجراء التجميد أن يتظلّم منه أمام المحكمة المختصة، التي تفصل في التظلّم خلال [ثلاثين] يومًا.\n\nوتُلغي السلطة المختصة، دون تأخير، تجميد أموال الأشخاص أو الكيانات التي رُفعت أسماؤها من القائمة وأصولهم الأخرى، وأموال من شملهم التجميد خطأً، كمن يحملون اسمًا مطابقًا أو مشابهًا.',
      ],
    ),
  ]),
  chapter(
    'chp_unit',
    'The financial intelligence unit and preventive measures',
    'وحدة المعلومات المالية والتدابير الوقائية',
    [
      article(
        'art_unit',
        [
          'Establishment of the Unit',
          'A financial intelligence unit is established as the national centre for the receipt and analysis of suspicious transaction reports and of other information relevant to the financing of terrorism, and for the dissemination of the results of that analysis.\n\nThe Unit is operationally independent and autonomous; it has its own budget and staff bound by professional secrecy.',
        ],
        [
          'إنشاء الوحدة',
          'تُنشأ وحدة للمعلومات المالية، تكون المركز الوطني لتلقّي تقارير المعاملات المشبوهة وغيرها من المعلومات ذات الصلة بتمويل الإرهاب وتحليلها، ولإحالة نتائج هذا التحليل.\n\nوتتمتع الوحدة بالاستقلال التشغيلي، ولها ميزانية مستقلة وموظفون ملزمون بالسرّ المهني.',
        ],
      ),
      article(
        'art_unit_functions',
        ['Functions of the Unit', 'The Unit has, in particular, the following functions:'],
        ['اختصاصات الوحدة', 'تتولى الوحدة، بوجه خاص، الاختصاصات الآتية:'],
        [
          point(
            'unit_receive',
            'to receive and analyse reports and information from reporting entities and public authorities;',
            'تلقّي التقارير والمعلومات الواردة من الجهات المُبلِّغة والسلطات العامة وتحليلها؛',
          ),
          point(
            'unit_request',
            'to request additional information from any reporting entity, which answers within the time the Unit sets;',
            'طلب أي معلومات إضافية من الجهات المُبلِّغة، على أن تُقدَّم خلال المهلة التي تحددها الوحدة؛',
          ),
          point(
            'unit_suspend',
            'to suspend a transaction for up to [five] working days when it suspects that the transaction is linked to the financing of terrorism;',
            'وقف تنفيذ أي معاملة مدةً لا تزيد على [خمسة] أيام عمل إذا اشتبهت في ارتباطها بتمويل الإرهاب؛',
          ),
          point(
            'unit_disseminate',
            'to disseminate the results of its analysis to the public prosecutor and to the competent authorities;',
            'إحالة نتائج تحليلها إلى النيابة العامة والسلطات المختصة؛',
          ),
          point(
            'unit_report',
            'to issue guidance to reporting entities, and to present an annual report to Parliament.',
            'إصدار التوجيهات إلى الجهات المُبلِّغة، ورفع تقرير سنوي إلى البرلمان.',
          ),
        ],
      ),
      article(
        'art_reporting',
        [
          'Reporting suspicious transactions',
          'A reporting entity that suspects, or has reasonable grounds to suspect, that funds or other assets are linked to the financing of terrorism reports it promptly to the Unit, attempted transactions included, whatever their amount.\n\nIt may not disclose to its customer or to any third party that a report has been or is being made.',
        ],
        [
          'الإبلاغ عن المعاملات المشبوهة',
          'على الجهة المُبلِّغة التي تشتبه، أو تتوافر لديها أسباب معقولة للاشتباه، في أن أموالًا أو أصولًا أخرى مرتبطة بتمويل الإرهاب، أن تُبلغ الوحدة بذلك فورًا، بما في ذلك محاولات إجراء المعاملات، أيًّا كانت قيمتها.\n\nويُحظر عليها أن تُفصح لعميلها أو للغير عن أن إبلاغًا قد تمّ أو يجري.',
        ],
      ),
      article(
        'art_reporter_protection',
        [
          'Protection of those who report',
          'No criminal, civil, disciplinary or administrative liability arises from a report made in good faith under this Law, even if the suspicion proves unfounded. The identity of the person who reported is kept confidential.',
        ],
        [
          'حماية المُبلِّغين',
          'لا تترتب أي مسؤولية جزائية أو مدنية أو تأديبية أو إدارية على الإبلاغ الذي يتم بحسن نية وفقًا لأحكام هذا القانون، ولو ثبت أن الاشتباه لم يكن في محلّه. وتُحاط هوية المُبلِّغ بالسرية.',
        ],
      ),
      article(
        'art_npo',
        [
          'Non-profit organisations',
          'The competent authority identifies, on the basis of a risk assessment, the non-profit organisations at risk of abuse for the financing of terrorism, and applies to them focused and proportionate measures that neither disrupt nor discourage their legitimate activities.',
        ],
        [
          'المنظمات غير الهادفة للربح',
          'تحدد السلطة المختصة، بناءً على تقييم للمخاطر، المنظمات غير الهادفة للربح المعرَّضة لخطر استغلالها في تمويل الإرهاب، وتطبّق عليها تدابير مركَّزة ومتناسبة لا تعطّل أنشطتها المشروعة ولا تُثبّطها.',
        ],
      ),
    ],
  ),
  chapter('chp_cooperation', 'International cooperation', 'التعاون الدولي', [
    article(
      'art_legal_assistance',
      [
        'Mutual legal assistance',
        'The competent authorities provide the widest possible mutual legal assistance in investigations, prosecutions and proceedings relating to the financing of terrorism, including the tracing, freezing, seizure and confiscation of funds or other assets.\n\nA request may not be refused on the sole ground that the offence also involves fiscal matters, nor on the ground of bank secrecy.',
      ],
      [
        'المساعدة القانونية المتبادلة',
        'تقدّم السلطات المختصة أوسع قدر ممكن من المساعدة القانونية المتبادلة في التحقيقات والملاحقات القضائية والإجراءات المتعلقة بتمويل الإرهاب، بما في ذلك تعقّب الأموال أو الأصول الأخرى وتجميدها وحجزها ومصادرتها.\n\nولا يجوز رفض طلب المساعدة لمجرد أن الجريمة تتعلق أيضًا بمسائل ضريبية، ولا بحجة السرية المصرفية.',
      ],
    ),
    article(
      'art_extradition',
      [
        'Extradition',
        'The financing of terrorism is an extraditable offence and may not be regarded as a political offence for the purposes of extradition or mutual legal assistance.\n\nWhere the State does not extradite a person on the ground of nationality, it submits the case without undue delay to its competent authorities for the purpose of prosecution.',
      ],
      [
        'تسليم المجرمين',
        'تُعدّ جريمة تمويل الإرهاب من الجرائم التي يجوز فيها التسليم، ولا تُعدّ جريمةً سياسية لأغراض التسليم أو المساعدة القانونية المتبادلة.\n\nوإذا لم تسلّم الدولة الشخص بسبب جنسيته، أحالت القضية دون إبطاء لا مسوّغ له إلى سلطاتها المختصة بقصد الملاحقة القضائية.',
      ],
    ),
    article(
      'art_unit_cooperation',
      [
        'Cooperation between financial intelligence units',
        'The Unit exchanges information with foreign financial intelligence units, spontaneously or on request, subject to reciprocity and to the protection of the information exchanged, and may conclude memorandums of understanding to that end.',
      ],
      [
        'التعاون بين وحدات المعلومات المالية',
        'تتبادل الوحدة المعلومات مع وحدات المعلومات المالية الأجنبية، تلقائيًّا أو بناءً على طلب، بشرط المعاملة بالمثل وحماية المعلومات المتبادلة، ولها أن تُبرم مذكرات تفاهم لهذا الغرض.',
      ],
    ),
  ]),
  chapter('chp_final', 'Final provisions', 'أحكام ختامية', [
    article(
      'art_human_rights',
      [
        'Human rights and humanitarian action',
        'This Law is applied in accordance with the obligations of the State under international human rights law, international refugee law and international humanitarian law.\n\nHumanitarian activities carried out by impartial humanitarian actors in a manner consistent with international humanitarian law are not the financing of terrorism.',
      ],
      [
        'حقوق الإنسان والعمل الإنساني',
        'تُطبَّق أحكام هذا القانون وفقًا لالتزامات الدولة بموجب القانون الدولي لحقوق الإنسان والقانون الدولي للاجئين والقانون الدولي الإنساني.\n\nولا تُعدّ تمويلًا للإرهاب الأنشطةُ الإنسانية التي تضطلع بها جهات إنسانية محايدة على نحو يتفق مع القانون الدولي الإنساني.',
      ],
    ),
    article(
      'art_regulations',
      [
        'Implementing regulations',
        'The [Council of Ministers] issues the regulations implementing this Law within [six] months of its entry into force, after consulting the Unit.',
      ],
      [
        'اللوائح التنفيذية',
        'يُصدر [مجلس الوزراء] اللوائح التنفيذية لهذا القانون خلال [ستة] أشهر من تاريخ العمل به، بعد استطلاع رأي الوحدة.',
      ],
    ),
    article('art_entry_into_force', ['Entry into force', entryIntoForceV1.en], ['النفاذ', entryIntoForceV1.ar]),
  ]),
]

const day = 24 * 60 * 60 * 1000

function check<T>(step: string, result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`demo draft: ${step} was refused (${result.error})`)
  return result.value
}

/**
 * Adds the demo draft unless it is there (matched by its English title) or the demo accounts are not. The drafts
 * feature works on the process's connection (getDb()); a seed of another database gets no draft.
 */
export function seedDemoDrafts(db: Db, now = new Date()) {
  if (db !== getDb()) return
  if (db.select({ id: draft.id }).from(draft).where(eq(draft.titleEn, demoDraftTitleEn)).get()) return
  const people = db
    .select({ id: user.id, email: user.email, name: user.name, role: user.role, parliamentId: user.parliamentId })
    .from(user)
    .where(inArray(user.email, ['coordinator@demo.parlnet.example', 'member@demo.parlnet.example']))
    .all()
  const coordinator = people.find((p) => p.email === 'coordinator@demo.parlnet.example')
  const member = people.find((p) => p.email === 'member@demo.parlnet.example')
  const leads = db
    .select({ id: parliament.id })
    .from(parliament)
    .where(inArray(parliament.nameEn, ['Shura Council of Qatar', 'Arab Parliament']))
    .all()
  if (!coordinator || !member || leads.length === 0) return
  const by = (p: typeof coordinator): Participant => ({
    id: p.id,
    name: p.name,
    role: p.role,
    parliamentId: p.parliamentId,
  })
  const chair = by(coordinator)
  const drafter = by(member)

  atomically(() => {
    const mailBefore =
      db
        .select({ id: max(outbox.id) })
        .from(outbox)
        .get()?.id ?? 0
    const { id } = check(
      'createDraft',
      createDraft(
        {
          kind: 'model_law',
          titleEn: demoDraftTitleEn,
          titleAr: demoDraftTitleAr,
          summaryEn:
            'Demo text written for this portal, not an adopted instrument. A model law that parliaments may adapt: it makes the financing of terrorism an offence, freezes without delay the assets of those the Security Council designates (resolutions 1373 and 2462), establishes a financial intelligence unit and organises international cooperation, with safeguards for human rights and humanitarian action.',
          summaryAr:
            'نص تجريبي كُتب لهذه البوابة، وليس صكًّا معتمدًا. قانون نموذجي يمكن للبرلمانات أن تكيّفه مع تشريعاتها: يجرّم تمويل الإرهاب، وينص على تجميد أصول من يُدرجهم مجلس الأمن دون تأخير (القراران 1373 و2462)، وينشئ وحدة للمعلومات المالية، وينظّم التعاون الدولي، مع ضمانات لحقوق الإنسان وللعمل الإنساني.',
          originalLanguage: 'ar',
          coordinatorId: coordinator.id,
          leadParliamentIds: leads.map((l) => l.id),
          editorIds: [member.id],
          pillars: [2],
          resolutions: ['1373', '2178', '2462'],
          themes: ['terrorism_financing', 'human_rights', 'legislation_oversight'],
          visibility: 'public',
          consultationScope: 'members',
        },
        chair,
      ),
    )
    const stage = () => getDraft(id)!
    check('addProvisionTree', addProvisionTree(stage(), demoDraftTree, chair))
    check(
      'saveVersion 1',
      saveVersion(stage(), { note: 'First complete text in Arabic and English, for consultation.' }, drafter, now),
    )
    const closesAt = new Date(now.getTime() + 60 * day)
    closesAt.setUTCHours(20, 59, 0, 0) // 23:59 in Doha
    check('moveDraftStage', moveDraftStage(stage(), { to: 'consultation', closesAt }, chair, now))
    const d: DraftDetail = stage()
    const provisionId = (wId: string) =>
      db
        .select({ id: provision.id })
        .from(provision)
        .where(and(eq(provision.draftId, id), eq(provision.wId, wId)))
        .get()!.id

    // A thread with a reply, and a comment nobody has answered yet.
    const thread = check(
      'postComment',
      postComment(
        d,
        provisionId('art_basic_expenses'),
        {
          body: 'هل يشمل الإذن بالتصرف في الأموال المجمَّدة النفقاتِ الاستثنائيةَ أيضًا؟ نقترح أن تنصّ المادة على إجراء مستقل لها، على غرار ما ورد في قرار مجلس الأمن 1452 (2002).',
        },
        drafter,
        now,
      ),
    )
    check(
      'replyToComment',
      replyToComment(
        d,
        thread.id,
        {
          body: 'ملاحظة في محلّها. سنعرض في الصيغة المقبلة فقرةً مستقلة للنفقات الاستثنائية تشترط إخطار لجنة مجلس الأمن المعنية مسبقًا.',
        },
        chair,
        now,
      ),
    )
    check(
      'postComment',
      postComment(
        d,
        provisionId('art_unit_cooperation'),
        {
          body: 'United Nations texts usually say "memoranda of understanding"; could the English follow them?',
        },
        drafter,
        now,
      ),
    )

    // One amendment accepted (it changes the Arabic and the English of a paragraph), one rejected with a reason.
    const accepted = check(
      'proposeAmendment',
      proposeAmendment(
        d,
        provisionId('para_freezing_1'),
        {
          kind: 'replace',
          texts: { en: { heading: '', body: freezingV2.en }, ar: { heading: '', body: freezingV2.ar } },
          justification:
            'FATF Recommendation 6 reads "without delay" as a matter of hours. A time limit and the absence of prior notice keep the assets from being moved once a designation is known.',
        },
        drafter,
        now,
      ),
    )
    check('acceptAmendment', acceptAmendment(d, accepted.id, {}, chair, now))
    const rejected = check(
      'proposeAmendment',
      proposeAmendment(
        d,
        provisionId('art_npo'),
        {
          kind: 'delete',
          justification:
            'Non-profit organisations are already supervised under the law on associations; an article of their own in this Law singles them out.',
        },
        drafter,
        now,
      ),
    )
    check(
      'rejectAmendment',
      rejectAmendment(
        d,
        rejected.id,
        {
          reason:
            'FATF Recommendation 8 asks for focused, risk-based measures for the organisations at risk, which the law on associations does not provide; the article also protects their legitimate activities. It stays as it is.',
        },
        chair,
        now,
      ),
    )

    // The editor's own change between the two versions, in both languages.
    const entry = provisionId('art_entry_into_force')
    const revision = db.select({ r: provision.revision }).from(provision).where(eq(provision.id, entry)).get()!.r
    const words = getProvisionTexts(entry)
    check(
      'saveProvisionText',
      saveProvisionText(
        d,
        entry,
        {
          baseRevision: revision,
          texts: {
            en: { heading: words.en!.heading, body: entryIntoForceV2.en },
            ar: { heading: words.ar!.heading, body: entryIntoForceV2.ar },
          },
        },
        drafter,
      ),
    )
    check(
      'saveVersion 2',
      saveVersion(
        stage(),
        { note: 'The accepted amendment on freezing within twenty-four hours; entry into force after ninety days.' },
        drafter,
        new Date(now.getTime() + 1000),
      ),
    )
    // The demo's people are not mailed about the demo (the functions above queued their usual mails).
    db.delete(outbox).where(gt(outbox.id, mailBefore)).run()
  })
}
