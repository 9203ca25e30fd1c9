import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Matcher } from '../../../../plugins/content/matcher/index.js'
import { hasEvalFile, reportEval, sharedEvalMatcher, shippedEvalMatcher } from './eval-helpers.js'
import { repoRoot } from './helpers.js'

/** Held-out samples of the eval-v2 classes, written before the matcher ran on them (see content-evasions.md). */
const fixture = (name: string) => path.resolve(repoRoot, 'test/plugins/content/matcher/fixtures', name)
/** The sample the fixes were made on. */
/** A sample's precision and recall (stretch rows apart) are at least these; the report is printed either way. */
/**
 * Asserts a sample's precision and recall floors, printing its report; for a sample kept unseen (`unseen`) only
 * its figures are printed, never its rows (nobody fixes from them).
 */
function expectFloors(matcher: Matcher, file: string, precision: number, recall: number, unseen = false) {
  const { lines, core } = reportEval(matcher, file)
  const shown = unseen
    ? `${path.basename(file)} (unseen): precision ${core.precision.toFixed(3)} recall ${core.recall.toFixed(3)}`
    : lines.join('\n')
  console.info(shown)
  expect(core.precision, shown).toBeGreaterThanOrEqual(precision)
  expect(core.recall, shown).toBeGreaterThanOrEqual(recall)
}

const DEV = fixture('heldout-dev.jsonl')
/** The sample measured once, after the fixes: its failures were not looked at while fixing. */
const TEST = fixture('heldout-test.jsonl')
/** The third sample, written blind; its failures, with dev's and test's, then named the classes heldout2 fixed. */
const FINAL = fixture('heldout-final.jsonl')
/** The fourth sample, measured blind once; its misses then named the classes helper tone fixed and its false
 * positives those seg fixed (no blind figure now). */
const BLIND4 = fixture('heldout-blind4.jsonl')
/** The fifth sample, measured blind once; its false positives then named the classes helper neg fixed. */
const BLIND5 = fixture('heldout-blind5.jsonl')
/** The sixth sample, measured blind once (0.843 / 0.843, on 9d56a09); then pinyin's tone marks. */
const BLIND6 = fixture('heldout-blind6.jsonl')
/** The seventh sample, measured blind once (0.855 / 0.877, on 5e74de0); its classes then fixed by helper b7fix. */
const BLIND7 = fixture('heldout-blind7.jsonl')
/** The eighth sample, measured blind once (0.858 / 0.796, on f07cb3a); its classes then fixed by helper b8fix. */
const BLIND8 = fixture('heldout-blind8.jsonl')
/** The ninth sample, written without seeing the matcher and measured blind once (3c9e4dc); its classes fixed after. */
const BLIND9 = fixture('heldout-blind9.jsonl')
/** The tenth sample, written without seeing the matcher and measured blind once (f348674); its classes fixed after. */
const BLIND10 = fixture('heldout-blind10.jsonl')
/**
 * The eleventh, written beside the tenth without seeing the matcher, measured blind (f348674) and again after
 * blind10's fixes, which never saw it: how far those fixes generalise. Its rows have not been looked at to fix.
 */
const BLIND11 = fixture('heldout-blind11.jsonl')
/**
 * The twelfth, written beside the thirteenth without seeing the matcher; its rows were then read to fix their
 * classes (b12fix), the thirteenth kept unseen.
 */
const BLIND12 = fixture('heldout-blind12.jsonl')
/**
 * The thirteenth, written beside the twelfth without seeing the matcher and never read to fix anything: blind on
 * e2df478 (0.885 / 0.769 shared, 0.862 / 0.862 shipped); the figures below are after blind11's and blind12's fixes,
 * which never saw it: how far those fixes generalise.
 */
const BLIND13 = fixture('heldout-blind13.jsonl')
/**
 * The fourteenth, written blind (its author saw only the shared dictionary and evals): blind on b40fa706
 * (0.872 / 0.963 shared, 0.872 / 0.970 shipped); its rows were then read to fix their classes (b14fix), the
 * fifteenth kept unseen.
 */
const BLIND14 = fixture('heldout-blind14.jsonl')
/** Written blind beside blind14 and kept unseen until the twenty-sixth session, then opened for its classes. */
const BLIND15 = fixture('heldout-blind15.jsonl')
/**
 * Written blind on d12ef892 (the authors saw only the shared dictionary, the two public evals and the issue) while
 * blind15 was opened for fixes, and kept unseen: no fixer opens them; they measure how the classes generalise.
 */
const BLIND16 = fixture('heldout-blind16.jsonl')
const BLIND17 = fixture('heldout-blind17.jsonl')
/**
 * Written blind on 50061c01 by two new authors who saw only the shared dictionary, the two public evals and the
 * issue, while blind17 was opened for fixes; blind18 opened in the twenty-seventh session for its rule and report
 * classes (b18fix), blind19 kept unseen until it was opened for b19fix in the twenty-eighth session.
 */
const BLIND18 = fixture('heldout-blind18.jsonl')
const BLIND19 = fixture('heldout-blind19.jsonl')
/**
 * Written blind on 9d2b7b0f by two new authors (car dealership, insurance, supplements and appliances; estate agency,
 * skincare, tea and liquor, fitness) who saw only the shared dictionary, the two public evals and the issue; kept
 * unseen: no fixer opens them, they measure how the classes generalise.
 */
const BLIND20 = fixture('heldout-blind20.jsonl')
const BLIND21 = fixture('heldout-blind21.jsonl')
/**
 * Written blind on a6541f17 by three new authors who saw only the shared dictionary, the two public evals and the
 * issue (blind22: home renovation, baby products, pet food; blind23: used-car loans, adult education, jewellery;
 * blind24: travel and hotels, farm produce, dental and cosmetic clinics). blind22 and blind23 were opened for their
 * classes (b22fix); blind24 is kept unseen.
 */
const BLIND22 = fixture('heldout-blind22.jsonl')
const BLIND23 = fixture('heldout-blind23.jsonl')
const BLIND24 = fixture('heldout-blind24.jsonl')
/**
 * Written blind on 2d9497d3 by three new authors who saw only the shared dictionary, the two public evals and the
 * issue (blind25: rooftop solar, wedding photography, children's tutoring; blind26: valves and steel pipe wholesale,
 * freight brokers, office furniture; blind27: phones and data plans, cold-chain seafood, salons with prepaid cards).
 * blind25 was opened for its classes in the thirtieth session (with blind21 and blind24), blind27 in the
 * thirty-first; blind26 is kept unseen.
 */
const BLIND25 = fixture('heldout-blind25.jsonl')
const BLIND26 = fixture('heldout-blind26.jsonl')
const BLIND27 = fixture('heldout-blind27.jsonl')
/**
 * Written blind on fdab5948 (after the thirtieth session's statement, everyday-word and name classes) by two new
 * authors who saw only the shared dictionary, the two public evals and the issue (blind28: car rental and
 * ride-hailing, pharmacies and health-insurance agents, property management; blind29: livestream e-commerce,
 * veterinary clinics and grooming, private kindergartens). blind28 opened for its classes in the same session,
 * blind29 in the thirty-first.
 */
const BLIND28 = fixture('heldout-blind28.jsonl')
const BLIND29 = fixture('heldout-blind29.jsonl')
/**
 * Written blind on 060722d1, at the end of the thirtieth session's fixes, by two new authors who saw only the shared
 * dictionary, the two public evals and the issue (blind30: funeral services, farm machinery, study-abroad agencies;
 * blind31: printing and packaging, dress rental, second-hand luxury bags); opened in the thirty-first session.
 */
const BLIND30 = fixture('heldout-blind30.jsonl')
const BLIND31 = fixture('heldout-blind31.jsonl')
/**
 * Written blind on df6df732, at the start of the thirty-first session, by three new authors who saw only the shared
 * dictionary, the two public evals and the issue (blind32: pet hospitals and pet food, rooftop solar panels, wedding
 * photography; blind33: elevator installation and maintenance, dental clinics, tea wholesale; blind34: home
 * renovation and custom cabinets, driving schools, B2B cloud software); kept unseen.
 */
const BLIND32 = fixture('heldout-blind32.jsonl')
const BLIND33 = fixture('heldout-blind33.jsonl')
const BLIND34 = fixture('heldout-blind34.jsonl')
/**
 * Written blind on 5a3573ed, after the thirty-first session's fixes (frec2, fname3, frule, frep, foffer), by two new
 * authors who saw only the shared dictionary, the two public evals and the issue (blind35: fitness clubs, industrial
 * coatings and adhesives, hotel group sales; blind36: used cars and auto loans, children's English centres, seeds and
 * fertiliser); kept unseen until the thirty-second session, then opened with blind32 and blind34 (the four samples
 * below the goals).
 */
const BLIND35 = fixture('heldout-blind35.jsonl')
const BLIND36 = fixture('heldout-blind36.jsonl')
/**
 * Written blind on 83f81be1, at the start of the thirty-second session, by two new authors who saw only the shared
 * dictionary, the two public evals and the issue (blind37: freight and express delivery, optical shops and contact
 * lenses, water purifiers and kitchen appliances; blind38: baijiu and wine distribution, private elderly-care homes,
 * construction machinery rental); kept unseen until fname4, frec3 and frep2 merged, then opened for a second round.
 */
const BLIND37 = fixture('heldout-blind37.jsonl')
const BLIND38 = fixture('heldout-blind38.jsonl')
/**
 * Written blind on 83f81be1 in the thirty-second session by two more new authors (blind39: mattresses and furniture,
 * corporate training and consulting, fruit wholesale and community group-buying; blind40: mobile-game top-up
 * agencies, beauty devices and medical aesthetics, property management and parking); kept unseen, then opened in the
 * thirty-third session (f39, f40).
 */
const BLIND39 = fixture('heldout-blind39.jsonl')
const BLIND40 = fixture('heldout-blind40.jsonl')
/**
 * Written blind on 4367abaf in the thirty-third session by two more new authors (blind41: pet supplies and a pet
 * hospital, rooftop solar installation, wedding photography; blind42: early education and kindergarten enrolment,
 * auto parts wholesale, Pu'er and oolong tea shops); opened in the same session (f41, f42).
 */
const BLIND41 = fixture('heldout-blind41.jsonl')
const BLIND42 = fixture('heldout-blind42.jsonl')
/**
 * Written blind on 4367abaf in the thirty-third session by two more new authors (blind43: home renovation and
 * building materials, second-hand cars, fitness clubs; blind44: study-abroad and visa agencies, seafood and
 * cold-chain wholesale, printing and office supplies); kept unseen while blind39–42 were opened; both opened in the
 * thirty-fourth session (f43, f44).
 */
const BLIND43 = fixture('heldout-blind43.jsonl')
const BLIND44 = fixture('heldout-blind44.jsonl')
/**
 * Written blind on c75b49fa in the thirty-fourth session by four new authors (blind45: health insurance agents, dental
 * clinics, kitchen appliances; blind46: baijiu and wine distribution, mother-and-baby products, car rental; blind47:
 * gold and jewellery shops, homestay and hotel booking, agricultural seeds; blind48: mobile phone retail and repair,
 * children's programming classes, tiles and bathroom fixtures); kept unseen, then all four opened in the thirty-fifth
 * session (f45–f48).
 */
const BLIND45 = fixture('heldout-blind45.jsonl')
const BLIND46 = fixture('heldout-blind46.jsonl')
const BLIND47 = fixture('heldout-blind47.jsonl')
const BLIND48 = fixture('heldout-blind48.jsonl')
/**
 * Written blind on d0f355e7 at the start of the thirty-fifth session by four new authors (blind49: bank wealth
 * management and credit cards, florists and event decoration, air-conditioning installation; blind50: cosmetics
 * counters and perfume, warehousing and logistics, piano and music lessons; blind51: pharmaceutical sales reps,
 * bicycles and outdoor goods, wedding banquets and catering; blind52: smart locks and security cameras, snack and
 * beverage wholesale, IELTS and exam-prep schools); kept unseen but blind49, opened in the thirty-sixth session (f49).
 */
const BLIND49 = fixture('heldout-blind49.jsonl')
const BLIND50 = fixture('heldout-blind50.jsonl')
const BLIND51 = fixture('heldout-blind51.jsonl')
const BLIND52 = fixture('heldout-blind52.jsonl')
/**
 * Written blind on 76235964 at the start of the thirty-sixth session by four new authors (blind53: a car-rental chain,
 * a solar-panel installer, a pet hospital; blind54: a custom-furniture maker, a tea merchant, a driving school;
 * blind55: an insurance agency, a seafood wholesaler, a children's swimming school; blind56: a print shop, a
 * lighting-fixtures factory, a real-estate agency); kept unseen.
 */
const BLIND53 = fixture('heldout-blind53.jsonl')
const BLIND54 = fixture('heldout-blind54.jsonl')
const BLIND55 = fixture('heldout-blind55.jsonl')
const BLIND56 = fixture('heldout-blind56.jsonl')
/**
 * Probes of terms inside statements about messages (rules, reports, warnings, quotes): rule-report-probe, the class
 * repgen fixed in the twenty-eighth session; offer-probe, written blind by another author for the disguises a review
 * of repgen named (a ban then an offer, a report that vouches, a leak with figures, turns), measured on a6541f17
 * (precision 0.831 recall 0.784 shared, 0.810 / 0.773 shipped) and then opened for the offer helper's classes.
 */
const RULE_REPORT_PROBE = fixture('rule-report-probe.jsonl')
const OFFER_PROBE = fixture('offer-probe.jsonl')
/**
 * Names that hold a term's characters, sound, pinyin or initials (people, shops, brands, streets, pets), and
 * violations dressed with a name, written blind on 8530ac1a in the thirty-fifth session by a new author across many
 * trades; split by kind into two halves: name-probe-a opened in the thirty-fifth session (fnames) for a broad reading
 * of names, name-probe-b kept unseen to measure it (blind: 0.644 / 1.000 and 0.643 / 1.000 shared).
 */
const NAME_PROBE_A = fixture('name-probe-a.jsonl')
const NAME_PROBE_B = fixture('name-probe-b.jsonl')
/**
 * A probe of everyday words that sound like a banned term or hold its characters (150 rows, written blind on 76235964
 * by a new author: innocent sound-alikes and substrings, and violations dressed with them), split by kind: half opened
 * for a broad reading of the class (homo-probe-a), half kept unseen (homo-probe-b).
 */
const HOMO_PROBE_A = fixture('homo-probe-a.jsonl')
const HOMO_PROBE_B = fixture('homo-probe-b.jsonl')
/**
 * A probe of messages about banned content (150 rows, written blind on 76235964 by a new author: rules, bans and
 * training; reports, complaints and handled cases; violations dressed in both), split by kind: half opened for a
 * broad reading of the class (report-probe-a), half kept unseen (report-probe-b).
 */
const REPORT_PROBE_A = fixture('report-probe-a.jsonl')
const REPORT_PROBE_B = fixture('report-probe-b.jsonl')

describe.skipIf(!hasEvalFile)('held-out samples of the evasion classes (eval-v2 setup)', () => {
  const matcherOf = sharedEvalMatcher

  it('heldout-dev: at least the figures after the fixes (without stretch rows: precision 97/98, recall 97/98)', () => {
    expectFloors(matcherOf(), DEV, 97 / 98, 97 / 98)
  })

  // Issue #22's goals (precision >= 0.97, recall >= 0.95) are NOT met here: this holds what was measured.
  it('heldout-test: at least the figures after the class fixes (precision 103/103, recall 103/105)', () => {
    expectFloors(matcherOf(), TEST, 103 / 103, 103 / 105)
  })

  it('heldout-final: at least the figures after the class fixes (precision 112/112, recall 112/114)', () => {
    expectFloors(matcherOf(), FINAL, 112 / 112, 112 / 114)
  })

  // Blind, it measured 0.907 / 0.930; the figures below are after fixing the classes of its misses and false positives.
  it('heldout-blind4: at least the figures after the class fixes (precision 114/114, recall 114/115)', () => {
    expectFloors(matcherOf(), BLIND4, 114 / 114, 114 / 115)
  })

  // Issue #22's goals are NOT met here. Blind, it measured 0.839 / 0.900 (99/118, 99/110); below, after the
  // rules for phrases talked about, codes, counted spans and unread words. fsub: 援教 with teachers 106/106.
  it('heldout-blind5: at least the figures after the class fixes (precision 106/106, recall 106/110)', () => {
    expectFloors(matcherOf(), BLIND5, 106 / 106, 106 / 110)
  })

  // Issue #22's goals are NOT met here. Blind, it measured 0.843 / 0.843 (97/115, 97/115) on 9d56a09's matcher;
  // below, after pinyin's tone marks are read (gōng sī yào dǎo bì, Chǔn Huò) and blind7's classes (+√, sxzz, khmd).
  // After b17prec's rules and reports (a notice that 一律不认 a condition, a crackdown): 110/116.
  // After offer's statements with a verdict or a named kind (成人视频课程的试听链接): 111/113.
  // fsub: everyday words CC-CEDICT lacks at a term's edge (汤色|清透, 六合|彩钢): 111/111.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind6: at least the figures measured (precision 113/113, recall 113/115)', () => {
    expectFloors(matcherOf(), BLIND6, 113 / 113, 113 / 115)
  })

  // Issue #22's recall goal is NOT met here. Blind, it measured 0.855 / 0.877 (100/117, 100/114) on 5e74de0's
  // matcher; below, after the classes of its false positives and misses (b7fix).
  it('heldout-blind7: at least the figures after the class fixes (precision 110/110, recall 110/114)', () => {
    expectFloors(matcherOf(), BLIND7, 110 / 110, 110 / 114)
  })

  // Issue #22's goals are NOT met here. Blind, it measured 0.858 / 0.796 (109/127, 109/137); most of its misses
  // are slang the shared dictionary lacks (the shipped one has it: see below).
  // frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导): 118/121, 118/137.
  it('heldout-blind8: at least the figures after the class fixes (precision 118/120, recall 118/137)', () => {
    expectFloors(matcherOf(), BLIND8, 118 / 120, 118 / 137)
  })

  // Issue #22's goals are NOT met here. Blind on 3c9e4dc: 0.885 / 0.871 (115/130, 115/132); its false positives
  // were mostly reports and rule reminders that quote a banned term, its misses slang and look-alike characters.
  // Below, after those two classes (b9fix): reports and reminders, 倩/情 and 卞/下 look-alikes, `.corn` TLDs; and
  // a word cut off a term that takes an aspect particle (最下注明了, b12fix).
  // frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导): 122/122, 122/132.
  it('heldout-blind9: at least the figures after the class fixes (precision 122/122, recall 122/132)', () => {
    expectFloors(matcherOf(), BLIND9, 122 / 122, 122 / 132)
  })

  // Issue #22's goals are NOT met here. Blind on f348674: 0.816 / 0.767; below, after its classes (b10prec: reports,
  // words across a term's edge, internal-group scopes; b10rec: splits with radical forms, digit letters, initials;
  // b11prec: the company's own gift, safety required of the work; b11rec: a price's initials with an amount after them).
  // fsub: 六合|彩钢 112/114.
  it('heldout-blind10: at least the figures after the class fixes (precision 112/114, recall 112/133)', () => {
    expectFloors(matcherOf(), BLIND10, 112 / 114, 112 / 133)
  })

  // Issue #22's recall goal is NOT met here. Blind on f348674: 0.823 / 0.779; after blind10's fixes (unseen):
  // 103/122; below, after its false positives' classes (b11prec: rule reminders, reports and warnings of scams,
  // someone else's message to the speaker, ordinary words, the company's own gift) and its misses' (b11rec: a spoken
  // dot, a stroke look-alike, a football bet's lines).
  // frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导): 112/112, 112/131.
  it('heldout-blind11: at least the figures after its classes (precision 113/113, recall 113/131)', () => {
    expectFloors(matcherOf(), BLIND11, 113 / 113, 113 / 131)
  })

  // Issue #22's recall goal is NOT met here: most misses are slang the shared dictionary lacks and look-alikes of
  // common characters (个入, 迸货价). Blind on e2df478: 0.917 / 0.750; after blind11's fixes (unseen): 0.935 / 0.758; below, after its classes (b12fix: reports
  // asked about or called a scam, the company's own channel, 注明了 after 下注), and after b13rec's look-alikes
  // (贷 for 货, 入 for 人).
  it('heldout-blind12: at least the figures after its classes (precision 111/111, recall 111/132)', () => {
    expectFloors(matcherOf(), BLIND12, 111 / 111, 111 / 132)
  })

  // Issue #22's goals are NOT met here. Unseen: at least what it measures after the session's fixes (0.910 / 0.777),
  // and after blind14's classes (b14fix, unseen): 0.918 / 0.777; below, after its recall classes (b13rec: spaced
  // links, look-alike components, 入 for 人), and b17prec's rule reminders and reports (等任何博彩信息, 请@管理员).
  it('heldout-blind13: at least the figures after its recall classes (precision 111/113, recall 111/130)', () => {
    expectFloors(matcherOf(), BLIND13, 111 / 113, 111 / 130)
  })

  // Blind on b40fa706: 0.872 / 0.963; below, after its classes (b14fix: reports and rule reminders, readings of
  // a code, a colour, a sale to us, a claim asked about). Its misses are a top-component look-alike (信誊), a dash
  // for 一, surname-like homophones (元交, 沙比) and 走私单 cut by 走私; below, after b13rec's dash for 一 and
  // look-alike components (信誊).
  it('heldout-blind14: at least the figures after its classes (precision 134/134, recall 134/134)', () => {
    expectFloors(matcherOf(), BLIND14, 134 / 134, 134 / 134)
  })

  // Issue #22's recall goal is NOT met here. Blind on b40fa706 0.903 / 0.890; unseen after the standard categories,
  // b14fix and b13rec 0.904 / 0.897; below, after its classes: b15prec (a rule's topic, reports rebutted, names in
  // mentions, words at a term's end), b15hom (surname-led homophones only where a name stands, a homophone beside
  // pinyin) and b15look (look-alike components and dashes).
  it('heldout-blind15: at least the figures after its classes (precision 134/134, recall 134/136)', () => {
    expectFloors(matcherOf(), BLIND15, 134 / 134, 134 / 136)
  })

  // Issue #22's goals are NOT met here. Never opened: blind on 8169a8d3 0.947 / 0.934 and 0.902 / 0.914; 146/150
  // after left22's later-gloss surnames (夏, 郑…); b22rec's recall classes (figures only): 146/148 → 147/149, 146/152 → 147/152.
  // fname's names of shops, firms, brands and people (figures only): 147/149 → 147/148.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind16 (unseen): at least the figures measured (precision 150/151, recall 150/152)', () => {
    expectFloors(matcherOf(), BLIND16, 150 / 151, 150 / 152, true)
  })
  // Opened for b17prec: 144/159 before its rule and report classes. left22: a surname (+1 precision), then an account
  // after 是 counted as contact details (a report passing one on keeps its hit; b17-222's label calls it clean: -1).
  it('heldout-blind17: at least the figures after its rule and report classes (precision 148/149, recall 148/151)', () => {
    expectFloors(matcherOf(), BLIND17, 148 / 149, 148 / 151)
  })

  // Issue #22's goals are NOT met here. Blind on 144f0384 90/109, 90/105; unseen after the session's other classes
  // 91/107, 91/105; opened for b18fix: its rule and report
  // false positives (让客户, 一律删除, 公司不负责, 怎么回复, 报给经理, 谁发的…？管理员已经撤回了吧): 91/99; then a name
  // before 这个月, capitals glossed in brackets (NC（新客户）) and 包装 as a kind of waste; then b19fix's classes 92/97;
  // then left22's later-gloss surnames and look-alikes (咸, 酉): 94/98, 94/105; fsub's 色|清透: 94/97.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind18: at least the figures after its rule, report, name, Latin and waste classes (precision 97/100, recall 97/105)', () => {
    expectFloors(matcherOf(), BLIND18, 97 / 100, 97 / 105)
  })
  // Blind on 144f0384 106/125, 106/114; unseen after the session's classes 108/123, 108/114; after b18fix's
  // 108/121. Opened for b19fix in the twenty-eighth session: its rule and report false positives (那条“…”是谁发的,
  // 谁把…转到…了？, 竞品说自己是, 找我要…没给…报备, 谁去跟他沟通, 群成员“…”发了…请处理, …几个字), a name starting a
  // sentence, everyday words the tables lack (撕单, 跑圈), on-site safety, 有效 of a survey, letters said to be a code:
  // 108/108; then 音 for the component 咅 (内音阝), 中特 as gambling context, 3 read as e (ch3ng): 111/111, 111/114.
  // frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导): 113/113, 113/114.
  it('heldout-blind19: at least the figures after its rule, report, name, word, split and initials classes (precision 113/113, recall 113/114)', () => {
    expectFloors(matcherOf(), BLIND19, 113 / 113, 113 / 114)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 9d2b7b0f 104/111, 104/106; 104/110 on
  // left22's merge of a296a973 (figures only); b22rec's recall classes: 104/108 → 105/109, 104/106 → 105/106;
  // fstate's statement classes (figures only): 105/107.
  it('heldout-blind20 (unseen): at least the figures measured (precision 105/106, recall 105/106)', () => {
    expectFloors(matcherOf(), BLIND20, 105 / 106, 105 / 106, true)
  })
  // Issue #22's precision goal is NOT met here. Blind on 9d2b7b0f 100/114, 100/103; unseen until the thirtieth
  // session (100/110 after b22fix), then opened for its classes. fstate's statement classes (what a rival says we are,
  // a report checked, an insult to bear, a secret not answered): 100/106.
  // then fsub (不走公司那边, 约跑 with 接龙).
  // then fname's names of shops, people and Latin words.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind21: at least the figures measured (precision 103/103, recall 103/103)', () => {
    expectFloors(matcherOf(), BLIND21, 103 / 103, 103 / 103)
  })
  // Issue #22's precision goal is NOT met here. Blind on a6541f17 99/110, 99/104; opened: b22rec's recall classes
  // 101/112, 101/104; b22fix's precision classes 101/105; fsub's (一夜晴 in the rain, 色|清透, 有效期, the state's
  // product-quality supervision) 101/101.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind22: at least the figures measured (precision 102/102, recall 102/104)', () => {
    expectFloors(matcherOf(), BLIND22, 102 / 102, 102 / 104)
  })
  // Blind on a6541f17 99/109, 99/104; opened: b22rec's recall classes 103/113, 103/104; b22fix's precision classes
  // 103/104; wart's company claims (公司骗人的套路) 104/105, 104/104; fsub's 援教 with teachers 104/104.
  it('heldout-blind23: at least the figures measured (precision 104/104, recall 104/104)', () => {
    expectFloors(matcherOf(), BLIND23, 104 / 104, 104 / 104)
  })
  // Issue #22's goals are NOT met here. Blind on a6541f17 97/110, 97/103; unseen until the thirtieth session
  // (97/109 after b22fix), then opened for its classes. fstate's statement classes (a review says we are, a list of
  // banned words, news of a raid, a guest's complaint): 97/105.
  // then fsub (挑去|死蟹, 下|注明|日期, 六合|彩椒, 春货 上新).
  // then fname's names of people and mail prefixes.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind24: at least the figures measured (precision 102/102, recall 102/103)', () => {
    expectFloors(matcherOf(), BLIND24, 102 / 102, 102 / 103)
  })

  // Blind on 2d9497d3 99/114, 99/103; opened in the thirtieth session. fstate's statement classes (a rival says we
  // are, a report checked, news and police notices of a crime, who did it warned or fired): 99/108.
  // then fsub (日转夜, 不走公司那条路, 春货 上新).
  // then fname's names of shops, people, brands and mail prefixes.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind25: at least the figures measured (precision 100/100, recall 100/103)', () => {
    expectFloors(matcherOf(), BLIND25, 100 / 100, 100 / 103)
  })
  // Issue #22's goals are met here (0.981 / 0.990). Never opened: blind on 2d9497d3 100/106, 100/102; fstate's
  // statement classes (figures only): 100/104.
  // then fsub (figures only).
  // then fname (figures only).
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind26 (unseen): at least the figures measured (precision 101/101, recall 101/102)', () => {
    expectFloors(matcherOf(), BLIND26, 101 / 101, 101 / 102, true)
  })
  // Issue #22's goals are met after the thirty-first session's classes (frec2, fname3, frule, frep, foffer).
  // Blind on 2d9497d3, opened in the thirty-first session: 97/106, 97/102;
  // fstate's statement classes (figures only): 97/105.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  // fstate2: reports, rules and campaigns by shape (figures only): 98/104.
  it('heldout-blind27: at least the figures measured (precision 100/100, recall 100/102)', () => {
    expectFloors(matcherOf(), BLIND27, 100 / 100, 100 / 102)
  })

  // Blind on fdab5948 102/119, 102/104; opened in the thirtieth session. fname2: 103/115, 103/104 (places after a
  // sound-alike, a full name taking a term's start, a pinyin place before 那边, 开台 confirming gambling initials).
  // then fstate2: reports, rules and campaigns by shape (a reporter of any kind and the deed handled, a check that found nothing, a ban with who, a rules heading's sanction, a campaign, a rival's claim).
  it('heldout-blind28: at least the figures measured (precision 103/104, recall 103/104)', () => {
    expectFloors(matcherOf(), BLIND28, 103 / 104, 103 / 104)
  })
  // Issue #22's goals are met after the thirty-first session's classes (frec2, fname3, frule, frep, foffer).
  // Blind on fdab5948, opened in the thirty-first session: 102/109, 102/103.
  // fstate2 (figures only): 102/107.
  it('heldout-blind29: at least the figures measured (precision 102/102, recall 102/103)', () => {
    expectFloors(matcherOf(), BLIND29, 102 / 102, 102 / 103)
  })

  // Issue #22's goals are met after the thirty-first session's classes (frec2, fname3, frule, frep, foffer).
  // Blind on 060722d1, opened in the thirty-first session: 103/109, 103/104.
  it('heldout-blind30: at least the figures measured (precision 104/104, recall 104/104)', () => {
    expectFloors(matcherOf(), BLIND30, 104 / 104, 104 / 104)
  })
  // Issue #22's goals are met after the thirty-first session's classes (frec2, fname3, frule, frep, foffer).
  // Blind on 060722d1, opened in the thirty-first session: 96/108, 96/101.
  it('heldout-blind31: at least the figures measured (precision 99/99, recall 99/101)', () => {
    expectFloors(matcherOf(), BLIND31, 99 / 99, 99 / 101)
  })

  // Issue #22's goals are NOT met here. Blind on df6df732 95/99, 95/100; after the thirty-first session's classes
  // (figures only) 96/100, 96/100; opened in the thirty-second session.
  it('heldout-blind32: at least the figures measured (precision 100/100, recall 100/100)', () => {
    expectFloors(matcherOf(), BLIND32, 100 / 100, 100 / 100)
  })
  // Issue #22's goals are met here (0.970 / 0.970). Never opened: blind on df6df732 98/101, 98/101 (unchanged
  // by the session's classes).
  it('heldout-blind33 (unseen): at least the figures measured (precision 100/102, recall 100/101)', () => {
    expectFloors(matcherOf(), BLIND33, 100 / 102, 100 / 101, true)
  })
  // Issue #22's goals are NOT met here. Blind on df6df732 97/105, 97/101; after the thirty-first session's classes
  // (figures only) 97/102, 97/101; opened in the thirty-second session.
  it('heldout-blind34: at least the figures measured (precision 100/100, recall 100/101)', () => {
    expectFloors(matcherOf(), BLIND34, 100 / 100, 100 / 101)
  })

  // Issue #22's goals are NOT met here. Blind on 5a3573ed 100/105, 100/102; opened in the thirty-second session.
  it('heldout-blind35: at least the figures measured (precision 102/102, recall 102/102)', () => {
    expectFloors(matcherOf(), BLIND35, 102 / 102, 102 / 102)
  })
  // Issue #22's goals are NOT met here. Blind on 5a3573ed 97/103, 97/101; opened in the thirty-second session.
  it('heldout-blind36: at least the figures measured (precision 101/101, recall 101/101)', () => {
    expectFloors(matcherOf(), BLIND36, 101 / 101, 101 / 101)
  })

  // Issue #22's goals are NOT met here. Blind on 83f81be1 100/107, 100/105; opened in the thirty-second session
  // after fname4, frec3 and frep2.
  it('heldout-blind37: at least the figures measured (precision 104/105, recall 104/105)', () => {
    expectFloors(matcherOf(), BLIND37, 104 / 105, 104 / 105)
  })
  // Issue #22's precision goal is NOT met here. Blind on 83f81be1 104/110, 104/107; opened in the thirty-second
  // session after fname4, frec3 and frep2.
  it('heldout-blind38: at least the figures measured (precision 107/108, recall 107/107)', () => {
    expectFloors(matcherOf(), BLIND38, 107 / 108, 107 / 107)
  })
  // Blind on 83f81be1 102/110, 102/105; opened in the thirty-third session for f39.
  it('heldout-blind39: at least the figures measured (precision 102/102, recall 102/105)', () => {
    expectFloors(matcherOf(), BLIND39, 102 / 102, 102 / 105)
  })
  // Blind on 83f81be1 101/111, 101/105; opened in the thirty-third session for f40.
  it('heldout-blind40: at least the figures measured (precision 105/105, recall 105/105)', () => {
    expectFloors(matcherOf(), BLIND40, 105 / 105, 105 / 105)
  })
  // Blind on 4367abaf 96/103, 96/100; opened in the thirty-third session for f41.
  it('heldout-blind41: at least the figures measured (precision 98/98, recall 98/100)', () => {
    expectFloors(matcherOf(), BLIND41, 98 / 98, 98 / 100)
  })
  // Blind on 4367abaf 97/106, 97/102; opened in the thirty-third session for f42.
  it('heldout-blind42: at least the figures measured (precision 100/100, recall 100/102)', () => {
    expectFloors(matcherOf(), BLIND42, 100 / 100, 100 / 102)
  })
  // Blind on 4367abaf 100/110, 100/102; opened in the thirty-fourth session for f43.
  it('heldout-blind43: at least the figures measured (precision 101/101, recall 101/102)', () => {
    expectFloors(matcherOf(), BLIND43, 101 / 101, 101 / 102)
  })
  // Blind on 4367abaf 100/106, 100/101; opened in the thirty-fourth session for f44.
  it('heldout-blind44: at least the figures measured (precision 100/100, recall 100/101)', () => {
    expectFloors(matcherOf(), BLIND44, 100 / 100, 100 / 101)
  })

  // Issue #22's goals are met here (1.000 / 0.990). Opened in the thirty-fifth session (f45): blind on c75b49fa
  // 95/101, 95/100.
  it('heldout-blind45: at least the figures measured (precision 99/99, recall 99/100)', () => {
    expectFloors(matcherOf(), BLIND45, 99 / 99, 99 / 100)
  })
  // Issue #22's goals are met here (1.000 / 0.980). Opened in the thirty-fifth session (f46): blind on c75b49fa
  // 100/107, 100/102.
  it('heldout-blind46: at least the figures measured (precision 100/100, recall 100/102)', () => {
    expectFloors(matcherOf(), BLIND46, 100 / 100, 100 / 102)
  })
  // Issue #22's goals are met here (1.000 / 0.990). Opened in the thirty-fifth session (f47): blind on c75b49fa
  // 100/111, 100/101.
  it('heldout-blind47: at least the figures measured (precision 100/100, recall 100/101)', () => {
    expectFloors(matcherOf(), BLIND47, 100 / 100, 100 / 101)
  })
  // Issue #22's goals are met here. Blind on c75b49fa 97/103, 97/100; opened in the thirty-fifth session (f48).
  it('heldout-blind48: at least the figures measured (precision 98/98, recall 98/100)', () => {
    expectFloors(matcherOf(), BLIND48, 98 / 98, 98 / 100)
  })
  // Issue #22's goals are met here. Opened in the thirty-sixth session (f49): blind on d0f355e7 98/104, 98/101.
  it('heldout-blind49: at least the figures measured (precision 99/100, recall 99/101)', () => {
    expectFloors(matcherOf(), BLIND49, 99 / 100, 99 / 101)
  })
  // Issue #22's goals are met here (1.000 / 1.000). Opened in the thirty-sixth session (f5051): blind on d0f355e7
  // 97/100, 97/100.
  it('heldout-blind50: at least the figures measured (precision 100/100, recall 100/100)', () => {
    expectFloors(matcherOf(), BLIND50, 100 / 100, 100 / 100)
  })
  // Issue #22's goals are met here (1.000 / 0.990). Opened in the thirty-sixth session (f5051): blind on d0f355e7
  // 99/104, 99/100.
  it('heldout-blind51: at least the figures measured (precision 99/99, recall 99/100)', () => {
    expectFloors(matcherOf(), BLIND51, 99 / 99, 99 / 100)
  })
  // Issue #22's goals are met here (1.000 / 1.000). Opened in the thirty-sixth session (f52): blind on d0f355e7
  // 98/106, 98/100.
  it('heldout-blind52: at least the figures measured (precision 100/100, recall 100/100)', () => {
    expectFloors(matcherOf(), BLIND52, 100 / 100, 100 / 100)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 101/112, 101/103.
  it('heldout-blind53 (unseen): at least the figures measured (precision 101/109, recall 101/103)', () => {
    expectFloors(matcherOf(), BLIND53, 101 / 109, 101 / 103, true)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 101/105, 101/102.
  it('heldout-blind54 (unseen): at least the figures measured (precision 102/105, recall 102/102)', () => {
    expectFloors(matcherOf(), BLIND54, 102 / 105, 102 / 102, true)
  })
  // Meets issue #22's goals. Never opened: blind on 76235964 97/100, 97/101.
  it('heldout-blind55 (unseen): at least the figures measured (precision 97/99, recall 97/101)', () => {
    expectFloors(matcherOf(), BLIND55, 97 / 99, 97 / 101, true)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 98/105, 98/100.
  it('heldout-blind56 (unseen): at least the figures measured (precision 99/103, recall 99/100)', () => {
    expectFloors(matcherOf(), BLIND56, 99 / 103, 99 / 100, true)
  })
  it('rule-report-probe: at least the figures after repgen (precision 45/46, recall 45/45)', () => {
    expectFloors(matcherOf(), RULE_REPORT_PROBE, 45 / 46, 45 / 45)
  })
  // Opened to fix its classes: the figures below are no longer blind (they were 0.831 / 0.784 on a6541f17).
  it('offer-probe: at least the figures after its classes (precision 88/88, recall 88/88)', () => {
    expectFloors(matcherOf(), OFFER_PROBE, 88 / 88, 88 / 88)
  })
  // Blind on 8530ac1a 29/45, 29/29; opened for a broad reading of names.
  it('name-probe-a: at least the figures measured (precision 29/29, recall 29/29)', () => {
    expectFloors(matcherOf(), NAME_PROBE_A, 29 / 29, 29 / 29)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 8530ac1a 27/42, 27/27.
  it('name-probe-b (unseen): at least the figures measured (precision 27/36, recall 27/27)', () => {
    expectFloors(matcherOf(), NAME_PROBE_B, 27 / 36, 27 / 27, true)
  })
  // Blind on 76235964 27/33, 27/27; opened for a broad reading of sound-alikes and substrings.
  it('homo-probe-a: at least the figures measured (precision 27/33, recall 27/27)', () => {
    expectFloors(matcherOf(), HOMO_PROBE_A, 27 / 33, 27 / 27)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 26/31, 26/26.
  it('homo-probe-b (unseen): at least the figures measured (precision 26/31, recall 26/26)', () => {
    expectFloors(matcherOf(), HOMO_PROBE_B, 26 / 31, 26 / 26, true)
  })
  // Opened in the thirty-sixth session (freport): blind on 76235964 27/33, 27/29; a broad reading of messages about a
  // violation (violation-frames.ts).
  it('report-probe-a: at least the figures measured (precision 27/27, recall 27/29)', () => {
    expectFloors(matcherOf(), REPORT_PROBE_A, 27 / 27, 27 / 29)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 26/33, 26/27.
  it('report-probe-b (unseen): at least the figures measured (precision 26/30, recall 26/27)', () => {
    expectFloors(matcherOf(), REPORT_PROBE_B, 26 / 30, 26 / 27, true)
  })
})

describe.skipIf(!hasEvalFile)('held-out samples with the shipped dictionary (default.yaml, eval-v2 options)', () => {
  const matcher = shippedEvalMatcher()

  // Issue #22's precision goal is NOT met here: 6 of its 11 false positives are internal-work rows about
  // confidential prices and lists, which only the group kind tells apart (docs/plugins/content.md).
  it('heldout-blind8: at least the figures with the slang vocabulary (precision 133/136, recall 133/137)', () => {
    expectFloors(matcher, BLIND8, 133 / 136, 133 / 137)
  })

  // Issue #22's goals are NOT met here. Blind on 3c9e4dc: 0.869 / 0.902 (119/137, 119/132); below, after its
  // two largest classes (b9fix), as with the shared dictionary above, and everyday words allowed (b12fix).
  // frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导): 128/128, 128/132.
  it('heldout-blind9: at least the figures after the class fixes (precision 128/128, recall 128/132)', () => {
    expectFloors(matcher, BLIND9, 128 / 128, 128 / 132)
  })

  // Issue #22's precision goal is NOT met here. Blind on f348674: 0.827 / 0.827; below, after its classes and the
  // shipped dictionary's wider slang (b10rec), and a price's initials with an amount after them (b11rec).
  // fsub: 六合|彩钢 132/135.
  it('heldout-blind10: at least the figures after the class fixes (precision 132/135, recall 132/133)', () => {
    expectFloors(matcher, BLIND10, 132 / 135, 132 / 133)
  })

  // Issue #22's recall goal is NOT met here. Blind on f348674: 0.830 / 0.855; after blind10's fixes (unseen):
  // 116/136; below, after its false positives' classes (b11prec) and its misses' with shipped slang (b11rec: v我/wx
  // with a sales word, 我个人码, 返点表).
  // frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导): 127/127, 127/131.
  it('heldout-blind11: at least the figures after its classes (precision 128/128, recall 128/131)', () => {
    expectFloors(matcher, BLIND11, 128 / 128, 128 / 131)
  })

  // Issue #22's recall goal is NOT met here. Blind on e2df478: 0.900 / 0.818; after blind11's fixes: 0.924 / 0.826; below, after its classes (b12fix:
  // reports, initials where a verb of paying stands, zz/sx/gs and 割韭菜/跑路/出厂价 slang with context, short links).
  it('heldout-blind12: at least the figures after its classes (precision 126/126, recall 126/132)', () => {
    expectFloors(matcher, BLIND12, 126 / 126, 126 / 132)
  })

  // Issue #22's goals are NOT met here. Unseen: at least what it measures after the session's fixes (0.883 / 0.869),
  // and after blind14's classes (b14fix, unseen): 0.890 / 0.869; below, after its recall classes (b13rec).
  it('heldout-blind13: at least the figures after its recall classes (precision 122/124, recall 122/130)', () => {
    expectFloors(matcher, BLIND13, 122 / 124, 122 / 130)
  })

  // Blind on b40fa706: 0.872 / 0.970; below, after its classes (b14fix), as with the shared dictionary above.
  it('heldout-blind14: at least the figures after its classes (precision 134/134, recall 134/134)', () => {
    expectFloors(matcher, BLIND14, 134 / 134, 134 / 134)
  })

  // Issue #22's goals are NOT met here. Blind on b40fa706 0.898 / 0.904; unseen after b13rec 0.899 / 0.912; below,
  // after its classes (b15prec, b15hom, b15look), as with the shared dictionary above.
  // After b17prec: a shorter term inside a longer one talked about (不能包治百病 holds the shipped 治百病): 133/134.
  it('heldout-blind15: at least the figures after its classes (precision 134/134, recall 134/136)', () => {
    expectFloors(matcher, BLIND15, 134 / 134, 134 / 136)
  })

  // Issue #22's goals are NOT met here. Never opened: blind on 8169a8d3 0.925 / 0.967 and 0.881 / 0.927; b22rec's
  // recall classes (figures only): 149/152 → 150/153, 149/152 → 150/152; fname (figures only): 150/152.
  it('heldout-blind16 (unseen): at least the figures measured (precision 151/152, recall 151/152)', () => {
    expectFloors(matcher, BLIND16, 151 / 152, 151 / 152, true)
  })
  // Opened for b17prec: 145/164 before its rule and report classes.
  it('heldout-blind17: at least the figures after its rule and report classes (precision 149/150, recall 149/151)', () => {
    expectFloors(matcher, BLIND17, 149 / 150, 149 / 151)
  })

  // Issue #22's goals are NOT met here. Blind on 144f0384 93/113, 93/105; unseen after the session's other classes
  // 94/110, 94/105; opened for b18fix (its rule and report
  // false positives); then b19fix's classes 95/100, 95/105; then left22's surnames and look-alikes 97/101, 97/105;
  // fsub's 色|清透 97/100.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind18: at least the figures after its rule, report, name, Latin and waste classes (precision 99/102, recall 99/105)', () => {
    expectFloors(matcher, BLIND18, 99 / 102, 99 / 105)
  })
  // Blind on 144f0384 108/128, 108/114; unseen after the session's classes 110/125, 110/114; after b18fix's
  // 110/123. Opened for b19fix in the twenty-eighth session (its rule and report false positives and the other
  // classes above): 110/110; then its split, initials and digit misses: 113/113, 113/114.
  it('heldout-blind19: at least the figures after its rule, report, name, word, split and initials classes (precision 113/113, recall 113/114)', () => {
    expectFloors(matcher, BLIND19, 113 / 113, 113 / 114)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 9d2b7b0f 104/113, 104/106; 104/112 on
  // left22's merge of a296a973 (figures only); b22rec's recall classes: 104/110 → 105/111, 104/106 → 105/106;
  // fstate (figures only): 105/109.
  it('heldout-blind20 (unseen): at least the figures measured (precision 105/108, recall 105/106)', () => {
    expectFloors(matcher, BLIND20, 105 / 108, 105 / 106, true)
  })
  // Issue #22's precision goal is NOT met here. Blind on 9d2b7b0f 100/117, 100/103; unseen until the thirtieth
  // session (100/113), then opened for its classes; fstate 100/109.
  // then fsub (不走公司那边, 约跑 with 接龙, 底价 wanted of a thing or spaced out).
  // then fname's names of shops, people and Latin words.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind21: at least the figures measured (precision 103/103, recall 103/103)', () => {
    expectFloors(matcher, BLIND21, 103 / 103, 103 / 103)
  })
  // Issue #22's precision goal is NOT met here. Blind on a6541f17 100/112, 100/104; opened: b22rec 101/113, 101/104;
  // b22fix 101/106; fsub 101/102.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind22: at least the figures measured (precision 102/103, recall 102/104)', () => {
    expectFloors(matcher, BLIND22, 102 / 103, 102 / 104)
  })
  // Blind on a6541f17 100/110, 100/104; opened: b22rec 103/113, 103/104; b22fix 103/104; wart 104/105, 104/104;
  // fsub 104/104.
  it('heldout-blind23: at least the figures measured (precision 104/104, recall 104/104)', () => {
    expectFloors(matcher, BLIND23, 104 / 104, 104 / 104)
  })
  // Issue #22's goals are NOT met here. Blind on a6541f17 98/110, 98/103; unseen until the thirtieth session
  // (98/109 after b22fix), then opened for its classes; fstate 98/105.
  // then fsub.
  // then fname's names of people and mail prefixes.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind24: at least the figures measured (precision 102/102, recall 102/103)', () => {
    expectFloors(matcher, BLIND24, 102 / 102, 102 / 103)
  })

  // Blind on 2d9497d3 99/114, 99/103; opened in the thirtieth session; fstate 99/108.
  // then fsub.
  // then fname's names of shops, people, brands and mail prefixes.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  it('heldout-blind25: at least the figures measured (precision 100/100, recall 100/103)', () => {
    expectFloors(matcher, BLIND25, 100 / 100, 100 / 103)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 2d9497d3 101/111, 101/102; fstate (figures
  // only) 101/109.
  // then fsub (figures only).
  // then fname (figures only).
  it('heldout-blind26 (unseen): at least the figures measured (precision 101/104, recall 101/102)', () => {
    expectFloors(matcher, BLIND26, 101 / 104, 101 / 102, true)
  })
  // Issue #22's goals are met after the thirty-first session's classes (frec2, fname3, frule, frep, foffer).
  // Blind on 2d9497d3, opened in the thirty-first session: 97/107, 97/102;
  // fstate (figures only) 97/106.
  // then frec's recall classes (a noun said of someone, wx, 私发, 哔, a sounding side, SB领导).
  // fstate2 (figures only): 98/105.
  it('heldout-blind27: at least the figures measured (precision 100/100, recall 100/102)', () => {
    expectFloors(matcher, BLIND27, 100 / 100, 100 / 102)
  })

  // Blind on fdab5948 101/119, 101/104; opened in the thirtieth session. fname2: 102/115, 102/104.
  it('heldout-blind28: at least the figures measured (precision 102/103, recall 102/104)', () => {
    expectFloors(matcher, BLIND28, 102 / 103, 102 / 104)
  })
  // Issue #22's goals are met after the thirty-first session's classes (frec2, fname3, frule, frep, foffer).
  // Blind on fdab5948, opened in the thirty-first session: 101/108, 101/103;
  // fstate2 (figures only) 101/106.
  it('heldout-blind29: at least the figures measured (precision 101/101, recall 101/103)', () => {
    expectFloors(matcher, BLIND29, 101 / 101, 101 / 103)
  })

  // Issue #22's goals are met after the thirty-first session's classes (frec2, fname3, frule, frep, foffer).
  // Blind on 060722d1, opened in the thirty-first session: 103/109, 103/104.
  it('heldout-blind30: at least the figures measured (precision 104/104, recall 104/104)', () => {
    expectFloors(matcher, BLIND30, 104 / 104, 104 / 104)
  })
  // Issue #22's goals are met after the thirty-first session's classes (frec2, fname3, frule, frep, foffer).
  // Blind on 060722d1, opened in the thirty-first session: 97/109, 97/101.
  it('heldout-blind31: at least the figures measured (precision 100/100, recall 100/101)', () => {
    expectFloors(matcher, BLIND31, 100 / 100, 100 / 101)
  })

  // Issue #22's goals are NOT met here. Blind on df6df732 96/102, 96/100; after the thirty-first session's classes
  // (figures only) 97/103, 97/100; opened in the thirty-second session.
  it('heldout-blind32: at least the figures measured (precision 100/101, recall 100/100)', () => {
    expectFloors(matcher, BLIND32, 100 / 101, 100 / 100)
  })
  // Issue #22's goals are NOT met here. Never opened: blind on df6df732 98/102, 98/101.
  it('heldout-blind33 (unseen): at least the figures measured (precision 99/102, recall 99/101)', () => {
    expectFloors(matcher, BLIND33, 99 / 102, 99 / 101, true)
  })
  // Issue #22's goals are NOT met here. Blind on df6df732 97/106, 97/101; after the thirty-first session's classes
  // (figures only) 97/103, 97/101; opened in the thirty-second session.
  it('heldout-blind34: at least the figures measured (precision 100/100, recall 100/101)', () => {
    expectFloors(matcher, BLIND34, 100 / 100, 100 / 101)
  })

  // Issue #22's goals are NOT met here. Blind on 5a3573ed 101/105, 101/102; opened in the thirty-second session.
  it('heldout-blind35: at least the figures measured (precision 102/102, recall 102/102)', () => {
    expectFloors(matcher, BLIND35, 102 / 102, 102 / 102)
  })
  // Issue #22's goals are NOT met here. Blind on 5a3573ed 98/104, 98/101; opened in the thirty-second session.
  it('heldout-blind36: at least the figures measured (precision 101/101, recall 101/101)', () => {
    expectFloors(matcher, BLIND36, 101 / 101, 101 / 101)
  })

  // Issue #22's goals are NOT met here. Blind on 83f81be1 100/109, 100/105; opened in the thirty-second session
  // after fname4, frec3 and frep2.
  it('heldout-blind37: at least the figures measured (precision 104/107, recall 104/105)', () => {
    expectFloors(matcher, BLIND37, 104 / 107, 104 / 105)
  })
  // Issue #22's goals are NOT met here. Blind on 83f81be1 102/108, 102/107; opened in the thirty-second session
  // after fname4, frec3 and frep2.
  it('heldout-blind38: at least the figures measured (precision 105/106, recall 105/107)', () => {
    expectFloors(matcher, BLIND38, 105 / 106, 105 / 107)
  })
  // Blind on 83f81be1 103/111, 103/105; opened in the thirty-third session for f39.
  it('heldout-blind39: at least the figures measured (precision 103/103, recall 103/105)', () => {
    expectFloors(matcher, BLIND39, 103 / 103, 103 / 105)
  })
  // Blind on 83f81be1 101/111, 101/105; opened in the thirty-third session for f40.
  it('heldout-blind40: at least the figures measured (precision 105/105, recall 105/105)', () => {
    expectFloors(matcher, BLIND40, 105 / 105, 105 / 105)
  })
  // Blind on 4367abaf 96/103, 96/100; opened in the thirty-third session for f41.
  it('heldout-blind41: at least the figures measured (precision 98/98, recall 98/100)', () => {
    expectFloors(matcher, BLIND41, 98 / 98, 98 / 100)
  })
  // Blind on 4367abaf 97/107, 97/102; opened in the thirty-third session for f42.
  it('heldout-blind42: at least the figures measured (precision 100/100, recall 100/102)', () => {
    expectFloors(matcher, BLIND42, 100 / 100, 100 / 102)
  })
  // Blind on 4367abaf 100/111, 100/102; opened in the thirty-fourth session for f43.
  it('heldout-blind43: at least the figures measured (precision 101/101, recall 101/102)', () => {
    expectFloors(matcher, BLIND43, 101 / 101, 101 / 102)
  })
  // Blind on 4367abaf 100/107, 100/101; opened in the thirty-fourth session for f44.
  it('heldout-blind44: at least the figures measured (precision 100/100, recall 100/101)', () => {
    expectFloors(matcher, BLIND44, 100 / 100, 100 / 101)
  })

  // Issue #22's goals are met here (1.000 / 0.990). Opened in the thirty-fifth session (f45): blind on c75b49fa
  // 95/101, 95/100.
  it('heldout-blind45: at least the figures measured (precision 99/99, recall 99/100)', () => {
    expectFloors(matcher, BLIND45, 99 / 99, 99 / 100)
  })
  // Issue #22's goals are met here (1.000 / 0.980). Opened in the thirty-fifth session (f46): blind on c75b49fa
  // 100/109, 100/102.
  it('heldout-blind46: at least the figures measured (precision 100/100, recall 100/102)', () => {
    expectFloors(matcher, BLIND46, 100 / 100, 100 / 102)
  })
  // Issue #22's goals are met here (1.000 / 0.990). Opened in the thirty-fifth session (f47): blind on c75b49fa
  // 100/111, 100/101.
  it('heldout-blind47: at least the figures measured (precision 100/100, recall 100/101)', () => {
    expectFloors(matcher, BLIND47, 100 / 100, 100 / 101)
  })
  // Issue #22's goals are met here. Blind on c75b49fa 97/102, 97/100; opened in the thirty-fifth session (f48).
  it('heldout-blind48: at least the figures measured (precision 98/98, recall 98/100)', () => {
    expectFloors(matcher, BLIND48, 98 / 98, 98 / 100)
  })
  // Issue #22's goals are met here. Opened in the thirty-sixth session (f49): blind on d0f355e7 98/106, 98/101.
  it('heldout-blind49: at least the figures measured (precision 99/102, recall 99/101)', () => {
    expectFloors(matcher, BLIND49, 99 / 102, 99 / 101)
  })
  // Issue #22's goals are met here (0.990 / 1.000). Opened in the thirty-sixth session (f5051): blind on d0f355e7
  // 97/101, 97/100.
  it('heldout-blind50: at least the figures measured (precision 100/101, recall 100/100)', () => {
    expectFloors(matcher, BLIND50, 100 / 101, 100 / 100)
  })
  // Issue #22's goals are met here (1.000 / 0.980). Opened in the thirty-sixth session (f5051): blind on d0f355e7
  // 98/103, 98/100.
  it('heldout-blind51: at least the figures measured (precision 98/98, recall 98/100)', () => {
    expectFloors(matcher, BLIND51, 98 / 98, 98 / 100)
  })
  // Issue #22's goals are met here (1.000 / 1.000). Opened in the thirty-sixth session (f52): blind on d0f355e7
  // 98/105, 98/100.
  it('heldout-blind52: at least the figures measured (precision 100/100, recall 100/100)', () => {
    expectFloors(matcher, BLIND52, 100 / 100, 100 / 100)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 100/113, 100/103.
  it('heldout-blind53 (unseen): at least the figures measured (precision 100/110, recall 100/103)', () => {
    expectFloors(matcher, BLIND53, 100 / 110, 100 / 103, true)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 101/106, 101/102.
  it('heldout-blind54 (unseen): at least the figures measured (precision 102/106, recall 102/102)', () => {
    expectFloors(matcher, BLIND54, 102 / 106, 102 / 102, true)
  })
  // Meets issue #22's goals. Never opened: blind on 76235964 98/101, 98/101.
  it('heldout-blind55 (unseen): at least the figures measured (precision 98/100, recall 98/101)', () => {
    expectFloors(matcher, BLIND55, 98 / 100, 98 / 101, true)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 98/106, 98/100.
  it('heldout-blind56 (unseen): at least the figures measured (precision 99/104, recall 99/100)', () => {
    expectFloors(matcher, BLIND56, 99 / 104, 99 / 100, true)
  })
  it('rule-report-probe: at least the figures after repgen (precision 45/46, recall 45/45)', () => {
    expectFloors(matcher, RULE_REPORT_PROBE, 45 / 46, 45 / 45)
  })
  // 0.810 / 0.773 on a6541f17; below, after its classes. Left: a turned warning the shipped terms cut elsewhere
  // (op-027) and the shipped malware category on a look-alike domain (op-041).
  it('offer-probe: at least the figures after its classes (precision 87/88, recall 87/88)', () => {
    expectFloors(matcher, OFFER_PROBE, 87 / 88, 87 / 88)
  })
  // Blind on 8530ac1a 29/46, 29/29; opened for a broad reading of names.
  it('name-probe-a: at least the figures measured (precision 29/29, recall 29/29)', () => {
    expectFloors(matcher, NAME_PROBE_A, 29 / 29, 29 / 29)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 8530ac1a 27/42, 27/27.
  it('name-probe-b (unseen): at least the figures measured (precision 27/36, recall 27/27)', () => {
    expectFloors(matcher, NAME_PROBE_B, 27 / 36, 27 / 27, true)
  })
  // Blind on 76235964 26/32, 26/27; opened for a broad reading of sound-alikes and substrings.
  it('homo-probe-a: at least the figures measured (precision 26/32, recall 26/27)', () => {
    expectFloors(matcher, HOMO_PROBE_A, 26 / 32, 26 / 27)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 25/30, 25/26.
  it('homo-probe-b (unseen): at least the figures measured (precision 25/30, recall 25/26)', () => {
    expectFloors(matcher, HOMO_PROBE_B, 25 / 30, 25 / 26, true)
  })
  // Opened in the thirty-sixth session (freport): blind on 76235964 26/31, 26/29; a broad reading of messages about a
  // violation (violation-frames.ts).
  it('report-probe-a: at least the figures measured (precision 26/26, recall 26/29)', () => {
    expectFloors(matcher, REPORT_PROBE_A, 26 / 26, 26 / 29)
  })
  // Issue #22's precision goal is NOT met here. Never opened: blind on 76235964 26/33, 26/27.
  it('report-probe-b (unseen): at least the figures measured (precision 26/30, recall 26/27)', () => {
    expectFloors(matcher, REPORT_PROBE_B, 26 / 30, 26 / 27, true)
  })
})
