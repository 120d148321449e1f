import type { TOption, TQuestionnaireInput } from "@/lib/instrument/definition";
import { confirmedText as t, type TText } from "@/lib/i18n/text";
import { COUNTRIES, EAEU_COUNTRIES, countryPairs } from "@/lib/study/countries";

/**
 * The expert questionnaire of the demo study "Cross-border and interregional interaction of the
 * member states of the Eurasian Economic Union" (February–July 2019). Russian is the source
 * language; the English follows the paper's wording for the items the paper reports:
 *   Q2  — is the nature of interaction changing (Figure 1),
 *   Q5  — efficiency of interaction for each pair of member states, 1–10 (the list of means),
 *   Q11 — what is facilitated by cooperation (Figure 2),
 *   Q21 — barriers to interregional interaction (Figure 3),
 *   Q25 — the prevailing type of interaction between regions (Figure 4).
 */

type TFlags = Pick<TOption, "other" | "exclusive" | "anchored">;

function opt(code: string, ru: string, en: string, flags: TFlags = {}): TOption {
  return { code, label: t(ru, en), ...flags };
}

/** "Other (please specify)": opens a text field and stays last when options are shuffled. */
function other(code: string): TOption {
  return opt(code, "Другое (укажите)", "Other (please specify)", { other: true, anchored: true });
}

/** "Hard to say": anchored; in a multiple choice it also clears every other choice. */
function hardToSay(code: string, multi = false): TOption {
  return opt(code, "Затрудняюсь ответить", "Hard to say", multi ? { exclusive: true, anchored: true } : { anchored: true });
}

function country(code: string): { short: TText; formal: TText } {
  const c = COUNTRIES[code];
  if (!c) throw new Error(`Unknown country code ${code}`);
  return c;
}

const PAIRS = countryPairs(EAEU_COUNTRIES);

function pairLabel(a: string, b: string): TText {
  return t(`${country(a).short.ru} – ${country(b).short.ru}`, `${country(a).short.en} – ${country(b).short.en}`);
}

const MULTI_HELP = t("Можно выбрать несколько вариантов ответа.", "You may choose several answers.");

export const eaeuQuestionnaire: TQuestionnaireInput = {
  kind: "questionnaire",
  title: t(
    "Приграничное и межрегиональное взаимодействие государств — членов Евразийского экономического союза: анкета эксперта",
    "Cross-border and interregional interaction of the member states of the Eurasian Economic Union: expert questionnaire",
  ),
  intro: t(
    "Уважаемый эксперт! Исследовательский коллектив проводит социологическое исследование, посвященное приграничному и межрегиональному взаимодействию государств — членов Евразийского экономического союза (ЕАЭС). Цель исследования — выявить наиболее перспективные формы и модели такого взаимодействия и оценить современный уровень регионального сотрудничества на постсоветском пространстве. Вы приглашены к участию как специалист в области межрегионального сотрудничества, евразийской интеграции и международных отношений. Заполнение анкеты займет около 30 минут. Ответы анализируются только в обобщенном виде; ваше имя нигде не публикуется.",
    "Dear expert, our research team is conducting a sociological study of cross-border and interregional interaction of the member states of the Eurasian Economic Union (EAEU). Its purpose is to clarify the most promising forms and models of such interaction and to assess the present level of regional cooperation in the post-Soviet space. You are invited as a specialist in interregional cooperation, Eurasian integration and international relations. The questionnaire takes about 30 minutes. Answers are analyzed only in aggregate; your name is never published.",
  ),
  sections: [
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: "S1",
      title: t(
        "Уровень и эффективность взаимодействия государств — членов ЕАЭС",
        "The level and effectiveness of interaction between the EAEU member states",
      ),
      intro: t(
        "В этом разделе мы просим вас оценить современное состояние взаимодействия государств — членов ЕАЭС.",
        "In this section we ask you to assess the current state of interaction between the EAEU member states.",
      ),
      items: [
        {
          code: "D1",
          type: "display",
          text: t(
            "Отвечая на вопросы, опирайтесь на свой профессиональный опыт и знания. Если вы не можете оценить какой-либо аспект, выберите вариант «Затрудняюсь ответить» или «Затрудняюсь оценить».",
            "When answering, please rely on your professional experience and knowledge. If you cannot assess an aspect, choose “Hard to say” or “Cannot assess”.",
          ),
        },
        {
          code: "Q1",
          type: "scale",
          required: true,
          text: t(
            "Как вы в целом оцениваете уровень взаимодействия государств — членов ЕАЭС в настоящее время?",
            "How do you assess the overall level of interaction between the EAEU member states at present?",
          ),
          min: 1,
          max: 10,
          minLabel: t("Очень низкий", "Very low"),
          maxLabel: t("Очень высокий", "Very high"),
          cannotAssess: true,
        },
        {
          code: "Q2",
          type: "single",
          required: true,
          text: t(
            "Как вы считаете, меняется ли характер приграничного и межрегионального взаимодействия государств — членов ЕАЭС?",
            "In your opinion, is the nature of the cross-border and interregional interaction of the member states of the Eurasian Economic Union changing?",
          ),
          options: [
            opt("Q2_1", "Меняется только между отдельными странами", "It is changing only between individual countries"),
            opt("Q2_2", "Меняется в рамках всего ЕАЭС", "It is changing throughout the Eurasian Economic Union"),
            opt("Q2_3", "Остается неизменным", "It remains unchanged"),
            hardToSay("Q2_HARD"),
          ],
        },
        {
          code: "Q3",
          type: "multi",
          required: true,
          showIf: [{ item: "Q2", op: "equals", value: "Q2_1" }],
          text: t(
            "Между какими странами характер взаимодействия меняется наиболее заметно?",
            "Between which countries is the nature of interaction changing most noticeably?",
          ),
          help: t("Выберите от одной до трех пар стран.", "Choose one to three pairs of countries."),
          options: PAIRS.map(([a, b]) => ({ code: `Q3_${a}_${b}`, label: pairLabel(a, b) })),
          minSelect: 1,
          maxSelect: 3,
        },
        {
          code: "Q4",
          type: "single",
          required: true,
          text: t(
            "Как изменилась интенсивность приграничного и межрегионального взаимодействия государств — членов ЕАЭС за последние пять лет?",
            "How has the intensity of cross-border and interregional interaction of the EAEU member states changed over the past five years?",
          ),
          options: [
            opt("Q4_1", "Значительно возросла", "Increased significantly"),
            opt("Q4_2", "Несколько возросла", "Increased somewhat"),
            opt("Q4_3", "Не изменилась", "Did not change"),
            opt("Q4_4", "Несколько снизилась", "Decreased somewhat"),
            opt("Q4_5", "Значительно снизилась", "Decreased significantly"),
            hardToSay("Q4_HARD"),
          ],
        },
        {
          code: "D2",
          type: "display",
          text: t(
            "В следующем вопросе оцените каждую пару государств по шкале от 1 до 10, где 1 — взаимодействие крайне неэффективно, 10 — максимально эффективно. Если вы не можете оценить пару стран, отметьте «Затрудняюсь оценить».",
            "In the next question, rate each pair of states on a scale from 1 to 10, where 1 means the interaction is extremely inefficient and 10 means it is as efficient as possible. If you cannot assess a pair of countries, mark “Cannot assess”.",
          ),
        },
        {
          code: "Q5",
          type: "matrix",
          required: true,
          text: t(
            "Насколько эффективно, по вашему мнению, осуществляется приграничное и межрегиональное взаимодействие между каждой парой государств — членов ЕАЭС?",
            "How efficiently is cross-border and interregional interaction carried out between each pair of member states?",
          ),
          min: 1,
          max: 10,
          minLabel: t("Крайне неэффективно", "Extremely inefficiently"),
          maxLabel: t("Максимально эффективно", "As efficiently as possible"),
          cannotAssess: true,
          pairsOf: [...EAEU_COUNTRIES],
          rows: PAIRS.map(([a, b]) => ({ code: `Q5_${a}_${b}`, label: pairLabel(a, b) })),
        },
        {
          code: "Q6",
          type: "single",
          required: true,
          text: t(
            "Какое из государств — членов ЕАЭС, на ваш взгляд, является наиболее активным субъектом приграничного и межрегионального взаимодействия?",
            "Which EAEU member state is, in your opinion, the most active actor in cross-border and interregional interaction?",
          ),
          options: [
            ...EAEU_COUNTRIES.map((c) => ({ code: `Q6_${c}`, label: country(c).short })),
            hardToSay("Q6_HARD"),
          ],
        },
        {
          code: "Q7",
          type: "multi",
          required: true,
          text: t(
            "Какие факторы в наибольшей степени обеспечивают эффективное взаимодействие между отдельными государствами — членами ЕАЭС?",
            "What factors contribute most to effective interaction between individual EAEU member states?",
          ),
          help: t("Выберите не более трех вариантов.", "Choose up to three answers."),
          options: [
            opt("Q7_1", "Тесные двусторонние отношения государств", "Close bilateral relations between the states"),
            opt(
              "Q7_2",
              "Участие в совместных интеграционных проектах (например, в Союзном государстве)",
              "Participation in joint integration projects (e.g. the Union State)",
            ),
            opt("Q7_3", "Заинтересованность национальных правительств", "The interest of national governments"),
            opt("Q7_4", "Заинтересованность региональных органов власти", "The interest of regional authorities"),
            opt("Q7_5", "Общая граница и транспортная доступность", "A common border and transport accessibility"),
            opt("Q7_6", "Взаимодополняемость экономик", "Complementary economies"),
            opt("Q7_7", "Культурная и языковая близость", "Cultural and linguistic proximity"),
            other("Q7_OTHER"),
            hardToSay("Q7_HARD", true),
          ],
          minSelect: 1,
          maxSelect: 3,
          shuffle: true,
        },
        {
          code: "Q8",
          type: "scale",
          required: true,
          text: t(
            "В какой мере, на ваш взгляд, евразийская интеграция сегодня сводится к экономическому сотрудничеству?",
            "To what extent, in your opinion, is Eurasian integration today reduced to economic cooperation?",
          ),
          min: 1,
          max: 5,
          minLabel: t("Совсем не сводится", "Not at all"),
          maxLabel: t("Полностью сводится", "Entirely"),
          cannotAssess: true,
        },
        {
          code: "Q9",
          type: "matrix",
          required: true,
          text: t(
            "Оцените уровень развития сотрудничества государств — членов ЕАЭС в следующих сферах",
            "Rate the level of cooperation between the EAEU member states in the following areas",
          ),
          min: 1,
          max: 5,
          minLabel: t("Очень низкий", "Very low"),
          maxLabel: t("Очень высокий", "Very high"),
          cannotAssess: true,
          rows: [
            { code: "Q9_ECON", label: t("Экономика и торговля", "Economy and trade") },
            { code: "Q9_LABOR", label: t("Трудовая миграция", "Labor migration") },
            { code: "Q9_EDU", label: t("Образование", "Education") },
            { code: "Q9_SCI", label: t("Наука и исследования", "Science and research") },
            { code: "Q9_CULT", label: t("Культура", "Culture") },
            { code: "Q9_HUM", label: t("Гуманитарное сотрудничество", "Humanitarian cooperation") },
            { code: "Q9_YOUTH", label: t("Молодежная политика", "Youth policy") },
            { code: "Q9_TRANS", label: t("Транспорт и логистика", "Transport and logistics") },
            { code: "Q9_ENV", label: t("Охрана окружающей среды", "Environmental protection") },
            { code: "Q9_TOUR", label: t("Туризм", "Tourism") },
          ],
        },
        {
          code: "Q10",
          type: "text",
          showIf: [{ item: "Q1", op: "lte", value: 4 }],
          text: t(
            "Чем, на ваш взгляд, объясняется низкий уровень взаимодействия государств — членов ЕАЭС?",
            "What, in your opinion, explains the low level of interaction between the EAEU member states?",
          ),
          multiline: true,
          maxLength: 2000,
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: "S2",
      title: t(
        "Тенденции и перспективы развития межрегионального и приграничного сотрудничества",
        "Trends and prospects of interregional and cross-border cooperation",
      ),
      intro: t(
        "В этом разделе речь идет о тенденциях и перспективах развития межрегионального и приграничного сотрудничества в евразийском пространстве.",
        "This section is about the trends and prospects of interregional and cross-border cooperation in the Eurasian space.",
      ),
      items: [
        {
          code: "Q11",
          type: "multi",
          required: true,
          text: t(
            "Как вы считаете, чему способствует межрегиональное и приграничное сотрудничество?",
            "What, in your opinion, is facilitated by interregional and cross-border cooperation?",
          ),
          help: MULTI_HELP,
          options: [
            opt("Q11_1", "Экономическому развитию региона", "Economic development of the region"),
            opt("Q11_2", "Развитию бизнеса и предпринимательства", "Development of business and entrepreneurship"),
            opt("Q11_3", "Развитию трудовой миграции", "Labor migration"),
            opt("Q11_4", "Развитию образования", "Education"),
            opt("Q11_5", "Гуманитарному сотрудничеству", "Humanitarian cooperation"),
            opt("Q11_6", "Установлению социокультурных связей", "Socio-cultural ties"),
            opt("Q11_7", "Развитию транспортной и околотаможенной инфраструктуры", "Transport and near-customs infrastructure"),
            other("Q11_OTHER"),
          ],
          minSelect: 1,
        },
        {
          code: "Q12",
          type: "ranking",
          required: true,
          text: t(
            "Какие направления межрегионального и приграничного сотрудничества наиболее перспективны для ЕАЭС? Выберите три направления и расположите их по степени перспективности (1 — самое перспективное).",
            "Which areas of interregional and cross-border cooperation are the most promising for the EAEU? Choose three and rank them (1 = the most promising).",
          ),
          options: [
            opt("Q12_1", "Экономическое сотрудничество и торговля", "Economic cooperation and trade"),
            opt("Q12_2", "Бизнес и предпринимательство", "Business and entrepreneurship"),
            opt("Q12_3", "Образование и академическая мобильность", "Education and academic mobility"),
            opt("Q12_4", "Совместные научные исследования", "Joint research"),
            opt("Q12_5", "Культура и социокультурные связи", "Culture and socio-cultural ties"),
            opt("Q12_6", "Молодежные обмены", "Youth exchanges"),
            opt("Q12_7", "Транспортная и логистическая инфраструктура", "Transport and logistics infrastructure"),
            opt("Q12_8", "Туризм", "Tourism"),
            opt("Q12_9", "Охрана окружающей среды", "Environmental protection"),
            opt("Q12_10", "Здравоохранение", "Healthcare"),
          ],
          topK: 3,
          shuffle: true,
        },
        {
          code: "Q13",
          type: "single",
          required: true,
          text: t(
            "Как вы оцениваете перспективы развития межрегионального сотрудничества в пространстве ЕАЭС в ближайшие пять лет?",
            "How do you assess the prospects of interregional cooperation in the EAEU space over the next five years?",
          ),
          options: [
            opt("Q13_1", "Сотрудничество будет активно развиваться", "Cooperation will develop actively"),
            opt("Q13_2", "Сотрудничество будет развиваться, но медленно и неравномерно", "Cooperation will develop, but slowly and unevenly"),
            opt("Q13_3", "Сотрудничество сохранится на нынешнем уровне", "Cooperation will remain at the current level"),
            opt("Q13_4", "Сотрудничество будет сокращаться", "Cooperation will decline"),
            hardToSay("Q13_HARD"),
          ],
        },
        {
          code: "Q14",
          type: "scale",
          required: true,
          text: t(
            "Насколько равномерно развивается межрегиональное сотрудничество в разных государствах — членах ЕАЭС?",
            "How evenly is interregional cooperation developing across the EAEU member states?",
          ),
          min: 1,
          max: 10,
          minLabel: t("Крайне неравномерно и несинхронно", "Extremely unevenly and asynchronously"),
          maxLabel: t("Равномерно и синхронно", "Evenly and synchronously"),
          cannotAssess: true,
        },
        {
          code: "Q15",
          type: "single",
          required: true,
          text: t(
            "Какой подход к развитию межрегионального и приграничного взаимодействия в ЕАЭС представляется вам наиболее целесообразным?",
            "Which approach to developing interregional and cross-border interaction in the EAEU seems most appropriate to you?",
          ),
          options: [
            opt("Q15_1", "Единый подход для всех регионов ЕАЭС", "A unified approach for all EAEU regions"),
            opt(
              "Q15_2",
              "Дифференцированный подход с учетом специфики каждого региона",
              "A differentiated approach that takes the specifics of each region into account",
            ),
            opt(
              "Q15_3",
              "Общие стандарты и методики, адаптируемые к условиям конкретных регионов",
              "Common standards and methods adapted to the conditions of particular regions",
            ),
            hardToSay("Q15_HARD"),
          ],
        },
        {
          code: "Q16",
          type: "single",
          required: true,
          text: t(
            "Кто, на ваш взгляд, должен быть главным инициатором укрепления межрегионального и приграничного сотрудничества в ЕАЭС?",
            "Who, in your opinion, should be the main initiator of strengthening interregional and cross-border cooperation in the EAEU?",
          ),
          options: [
            opt("Q16_1", "Национальные правительства", "National governments"),
            opt("Q16_2", "Наднациональные органы ЕАЭС (Евразийская экономическая комиссия)", "Supranational EAEU bodies (the Eurasian Economic Commission)"),
            opt("Q16_3", "Региональные и муниципальные органы власти", "Regional and municipal authorities"),
            opt("Q16_4", "Бизнес-сообщество", "The business community"),
            opt("Q16_5", "Некоммерческие организации", "Non-profit organizations"),
            opt("Q16_6", "Университеты и академическое сообщество", "Universities and the academic community"),
            other("Q16_OTHER"),
            hardToSay("Q16_HARD"),
          ],
        },
        {
          code: "Q17",
          type: "scale",
          required: true,
          text: t(
            "Насколько необходимо, на ваш взгляд, использовать инструменты приграничного взаимодействия в рамках интеграционных процессов в евразийском пространстве?",
            "How necessary is it, in your opinion, to use the tools of cross-border interaction in the integration processes in the Eurasian space?",
          ),
          min: 1,
          max: 5,
          minLabel: t("Совсем не нужно", "Not necessary at all"),
          maxLabel: t("Крайне необходимо", "Absolutely necessary"),
        },
        {
          code: "Q18",
          type: "scale",
          required: true,
          text: t(
            "В какой мере вы согласны с утверждением: «Сотрудничество в рамках ЕАЭС необходимо расширять за пределы экономической сферы»?",
            "To what extent do you agree with the statement: “Cooperation within the EAEU should be expanded beyond the economic sphere”?",
          ),
          min: 1,
          max: 5,
          minLabel: t("Совершенно не согласен(на)", "Strongly disagree"),
          maxLabel: t("Полностью согласен(на)", "Strongly agree"),
        },
        {
          code: "Q19",
          type: "multi",
          required: true,
          showIf: [{ item: "Q18", op: "gte", value: 4 }],
          text: t(
            "В какие сферы в первую очередь следует расширять сотрудничество?",
            "Into which areas should cooperation be expanded first?",
          ),
          help: t("Выберите не более трех вариантов.", "Choose up to three answers."),
          options: [
            opt("Q19_1", "Культура", "Culture"),
            opt("Q19_2", "Образование", "Education"),
            opt("Q19_3", "Наука", "Science"),
            opt("Q19_4", "Социальная сфера", "Social sphere"),
            opt("Q19_5", "Гуманитарное сотрудничество", "Humanitarian cooperation"),
            opt("Q19_6", "Молодежная политика", "Youth policy"),
            opt("Q19_7", "Здравоохранение", "Healthcare"),
            opt("Q19_8", "Охрана окружающей среды", "Environmental protection"),
            opt("Q19_9", "Туризм", "Tourism"),
            opt("Q19_10", "Общественная дипломатия", "Public diplomacy"),
            other("Q19_OTHER"),
          ],
          minSelect: 1,
          maxSelect: 3,
          shuffle: true,
        },
        {
          code: "Q20",
          type: "single",
          required: true,
          text: t(
            "Как вы оцениваете возможность использования опыта Европейского союза (программы Interreg, ENPI, ENI CBC) для развития межрегионального и приграничного сотрудничества в ЕАЭС?",
            "How do you assess the possibility of using the experience of the European Union (the Interreg, ENPI and ENI CBC programs) to develop interregional and cross-border cooperation in the EAEU?",
          ),
          options: [
            opt("Q20_1", "Этот опыт можно перенять практически без изменений", "This experience can be adopted almost unchanged"),
            opt("Q20_2", "Этот опыт можно использовать только при его существенной адаптации", "This experience can be used only if it is substantially adapted"),
            opt("Q20_3", "Этот опыт неприменим в евразийском пространстве", "This experience is not applicable in the Eurasian space"),
            opt("Q20_4", "Я недостаточно знаком(а) с этим опытом", "I am not familiar enough with this experience", { anchored: true }),
            hardToSay("Q20_HARD"),
          ],
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: "S3",
      title: t("Барьеры и формы межрегионального взаимодействия", "Barriers and forms of interregional interaction"),
      intro: t(
        "В этом разделе мы просим вас оценить барьеры, препятствующие межрегиональному и приграничному сотрудничеству, и формы взаимодействия регионов.",
        "In this section we ask you to assess the barriers that impede interregional and cross-border cooperation and the forms of interaction between regions.",
      ),
      items: [
        {
          code: "Q21",
          type: "multi",
          required: true,
          text: t("Какие барьеры препятствуют межрегиональному взаимодействию?", "What barriers impede interregional interaction?"),
          help: MULTI_HELP,
          options: [
            opt("Q21_1", "Финансовые трудности", "Financial difficulties"),
            opt(
              "Q21_2",
              "Административные барьеры между регионами разных государств ЕАЭС",
              "Administrative barriers between the regions of different states of the Eurasian Economic Union",
            ),
            opt("Q21_3", "Отсутствие межрегиональных бизнес-программ и проектов", "Absence of interregional business programs and projects"),
            opt("Q21_4", "Отсутствие прямых транспортных коридоров", "Absence of direct transport corridors"),
            opt("Q21_5", "Личная незаинтересованность региональных властей", "Personal disinterest of regional authorities"),
            other("Q21_OTHER"),
          ],
          minSelect: 1,
        },
        {
          code: "Q22",
          type: "text",
          showIf: [{ item: "Q21", op: "includes", value: "Q21_2" }],
          text: t(
            "Приведите, пожалуйста, примеры административных барьеров, с которыми сталкиваются регионы разных государств ЕАЭС.",
            "Please give examples of the administrative barriers that regions of different EAEU states face.",
          ),
          multiline: true,
          maxLength: 2000,
        },
        {
          code: "Q23",
          type: "multi",
          required: true,
          text: t(
            "Какие еще проблемы, на ваш взгляд, снижают эффективность межрегионального и приграничного сотрудничества в ЕАЭС?",
            "What other problems, in your opinion, reduce the effectiveness of interregional and cross-border cooperation in the EAEU?",
          ),
          help: t("Выберите не более пяти вариантов.", "Choose up to five answers."),
          options: [
            opt(
              "Q23_1",
              "Отсутствие единой нормативно-правовой базы межрегионального сотрудничества",
              "Lack of a single regulatory framework for interregional cooperation",
            ),
            opt("Q23_2", "Рекомендательный характер заключаемых соглашений и договоров", "The advisory nature of the agreements and contracts signed"),
            opt("Q23_3", "Низкий уровень информационного обмена", "Low level of information exchange"),
            opt("Q23_4", "Недостаточные коммуникации между руководителями приграничных регионов", "Insufficient communication between the leaders of border regions"),
            opt(
              "Q23_5",
              "Недостаточно активная информационная политика государств — членов ЕАЭС",
              "Insufficiently active information policy of the EAEU member states",
            ),
            opt("Q23_6", "Бюрократия и формализм на местах", "Local bureaucracy and formalism"),
            opt("Q23_7", "Недостаток полномочий у региональных органов власти", "Lack of powers of regional authorities"),
            opt(
              "Q23_8",
              "Конкуренция регионов за влияние на центральные органы власти и за инвестиции",
              "Competition between regions for influence on the central authorities and for investment",
            ),
            opt("Q23_9", "Сложность процедур пересечения границы", "Complex border-crossing procedures"),
            other("Q23_OTHER"),
            hardToSay("Q23_HARD", true),
          ],
          minSelect: 1,
          maxSelect: 5,
          shuffle: true,
        },
        {
          code: "Q24",
          type: "scale",
          required: true,
          text: t(
            "Насколько действующая нормативно-правовая база способствует развитию межрегионального и приграничного сотрудничества в ЕАЭС?",
            "To what extent does the current regulatory framework facilitate interregional and cross-border cooperation in the EAEU?",
          ),
          min: 1,
          max: 10,
          minLabel: t("Совершенно не способствует", "Does not facilitate it at all"),
          maxLabel: t("В полной мере способствует", "Fully facilitates it"),
          cannotAssess: true,
        },
        {
          code: "Q25",
          type: "multi",
          required: true,
          text: t(
            "Какой тип взаимодействия преобладает между регионами государств — членов ЕАЭС?",
            "What type of interaction prevails between the regions of the Eurasian Economic Union?",
          ),
          help: MULTI_HELP,
          options: [
            opt("Q25_1", "Вертикальное взаимодействие через столицы государств", "Vertical interaction through the state capitals"),
            opt("Q25_2", "Горизонтальное взаимодействие между регионами", "Horizontal interaction between regions"),
            opt("Q25_3", "Экономическое сотрудничество между хозяйствующими субъектами", "Economic cooperation between business entities"),
            other("Q25_OTHER"),
          ],
          minSelect: 1,
        },
        {
          code: "Q26",
          type: "single",
          required: true,
          text: t(
            "Достаточно ли у региональных органов власти полномочий для самостоятельного участия в межрегиональном и приграничном сотрудничестве?",
            "Do regional authorities have enough powers to take part in interregional and cross-border cooperation on their own?",
          ),
          options: [
            opt("Q26_1", "Да, полномочий достаточно", "Yes, their powers are sufficient"),
            opt("Q26_2", "Полномочий достаточно лишь в отдельных государствах", "Their powers are sufficient only in some member states"),
            opt("Q26_3", "Нет, полномочий недостаточно", "No, their powers are insufficient"),
            hardToSay("Q26_HARD"),
          ],
        },
        {
          code: "Q27",
          type: "matrix",
          required: true,
          text: t(
            "Оцените эффективность следующих форм межрегионального и приграничного взаимодействия",
            "Rate the effectiveness of the following forms of interregional and cross-border interaction",
          ),
          min: 1,
          max: 5,
          minLabel: t("Совершенно неэффективна", "Not effective at all"),
          maxLabel: t("Высокоэффективна", "Highly effective"),
          cannotAssess: true,
          rows: [
            { code: "Q27_AGREEMENTS", label: t("Соглашения о сотрудничестве между регионами", "Cooperation agreements between regions") },
            { code: "Q27_FORUMS", label: t("Межрегиональные форумы и конференции", "Interregional forums and conferences") },
            { code: "Q27_BUSINESS", label: t("Совместные инвестиционные и бизнес-проекты", "Joint investment and business projects") },
            { code: "Q27_FAIRS", label: t("Торговые миссии и выставки", "Trade missions and exhibitions") },
            { code: "Q27_TWINS", label: t("Побратимские связи городов", "Twin-city links") },
            { code: "Q27_PROGRAMS", label: t("Программы приграничного сотрудничества", "Cross-border cooperation programs") },
            { code: "Q27_UNI", label: t("Сотрудничество университетов и академические обмены", "University cooperation and academic exchanges") },
            { code: "Q27_NGO", label: t("Совместные проекты некоммерческих организаций", "Joint projects of non-profit organizations") },
            { code: "Q27_CULTURE", label: t("Культурные мероприятия и фестивали", "Cultural events and festivals") },
            { code: "Q27_YOUTH", label: t("Молодежные обмены", "Youth exchanges") },
          ],
        },
        {
          code: "Q28",
          type: "scale",
          required: true,
          text: t(
            "Как вы оцениваете информированность населения приграничных регионов о существующих формах и инструментах межрегионального взаимодействия?",
            "How do you assess the awareness of border-region residents of the existing forms and tools of interregional interaction?",
          ),
          min: 1,
          max: 5,
          minLabel: t("Очень низкая", "Very low"),
          maxLabel: t("Очень высокая", "Very high"),
          cannotAssess: true,
        },
        {
          code: "Q29",
          type: "scale",
          required: true,
          text: t(
            "Насколько региональные органы власти заинтересованы в реализации международных проектов межрегионального сотрудничества в рамках ЕАЭС?",
            "How interested are regional authorities in implementing international projects of interregional cooperation within the EAEU?",
          ),
          min: 1,
          max: 5,
          minLabel: t("Совсем не заинтересованы", "Not interested at all"),
          maxLabel: t("Очень заинтересованы", "Highly interested"),
          cannotAssess: true,
        },
        {
          code: "Q30",
          type: "text",
          showIf: [{ item: "Q29", op: "lte", value: 2 }],
          text: t(
            "Чем, по вашему мнению, объясняется слабая заинтересованность региональных властей?",
            "What, in your opinion, explains the weak interest of regional authorities?",
          ),
          multiline: true,
          maxLength: 2000,
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: "S4",
      title: t(
        "Технологии проектного управления в межрегиональном и приграничном сотрудничестве",
        "Project-management technologies in interregional and cross-border cooperation",
      ),
      intro: t(
        "В этом разделе речь идет о возможностях использования технологий проектного управления в межрегиональном и приграничном сотрудничестве.",
        "This section is about the possibilities of using project-management technologies in interregional and cross-border cooperation.",
      ),
      items: [
        {
          code: "D3",
          type: "display",
          text: t(
            "Под технологиями проектного управления понимаются методы планирования, организации, финансирования, контроля и оценки совместных проектов с заранее определенными целями, сроками, ресурсами и результатами.",
            "By project-management technologies we mean methods of planning, organizing, funding, monitoring and evaluating joint projects with predefined goals, timelines, resources and results.",
          ),
        },
        {
          code: "Q31",
          type: "scale",
          required: true,
          text: t("Насколько хорошо вы знакомы с технологиями проектного управления?", "How familiar are you with project-management technologies?"),
          min: 1,
          max: 5,
          minLabel: t("Совсем не знаком(а)", "Not familiar at all"),
          maxLabel: t("Хорошо знаю и применяю на практике", "I know them well and use them in practice"),
        },
        {
          code: "Q32",
          type: "single",
          required: true,
          text: t(
            "Известны ли вам примеры применения технологий проектного управления в межрегиональном и приграничном сотрудничестве государств — членов ЕАЭС?",
            "Do you know of examples of project-management technologies being used in interregional and cross-border cooperation of the EAEU member states?",
          ),
          options: [opt("Q32_1", "Да", "Yes"), opt("Q32_2", "Нет", "No")],
        },
        {
          code: "Q33",
          type: "text",
          showIf: [{ item: "Q32", op: "equals", value: "Q32_1" }],
          text: t(
            "Опишите, пожалуйста, один-два таких примера (проект, участники, результаты).",
            "Please describe one or two such examples (project, participants, results).",
          ),
          multiline: true,
          maxLength: 2000,
        },
        {
          code: "Q34",
          type: "scale",
          required: true,
          text: t(
            "В какой мере, на ваш взгляд, применение технологий проектного управления может повысить результативность межрегионального и приграничного сотрудничества?",
            "To what extent, in your opinion, can the use of project-management technologies increase the effectiveness of interregional and cross-border cooperation?",
          ),
          min: 1,
          max: 10,
          minLabel: t("Никак не повысит", "Not at all"),
          maxLabel: t("Существенно повысит", "Substantially"),
          cannotAssess: true,
        },
        {
          code: "Q35",
          type: "multi",
          required: true,
          text: t(
            "Какие инструменты проектного управления наиболее востребованы в межрегиональном и приграничном сотрудничестве?",
            "Which project-management tools are most needed in interregional and cross-border cooperation?",
          ),
          help: t("Выберите не более четырех вариантов.", "Choose up to four answers."),
          options: [
            opt("Q35_1", "Совместные проектные офисы регионов", "Joint project offices of regions"),
            opt("Q35_2", "Конкурсы и грантовые программы для межрегиональных проектов", "Competitions and grant programs for interregional projects"),
            opt("Q35_3", "Портфель межрегиональных проектов с единой системой мониторинга", "A portfolio of interregional projects with a common monitoring system"),
            opt("Q35_4", "Международные проектные команды", "International project teams"),
            opt("Q35_5", "Мониторинг и оценка по ключевым показателям эффективности", "Monitoring and evaluation against key performance indicators"),
            opt("Q35_6", "Цифровые платформы для совместной работы над проектами", "Digital platforms for joint work on projects"),
            opt("Q35_7", "Государственно-частное партнерство", "Public-private partnership"),
            opt("Q35_8", "Обучение региональных управленческих команд проектному управлению", "Project-management training for regional management teams"),
            other("Q35_OTHER"),
            hardToSay("Q35_HARD", true),
          ],
          minSelect: 1,
          maxSelect: 4,
          shuffle: true,
        },
        {
          code: "Q36",
          type: "ranking",
          required: true,
          text: t(
            "Чья роль наиболее значима в реализации межрегиональных и приграничных проектов? Выберите трех участников и расположите их по значимости (1 — самый значимый).",
            "Whose role is most important in implementing interregional and cross-border projects? Choose three participants and rank them (1 = the most important).",
          ),
          options: [
            opt("Q36_1", "Национальные правительства", "National governments"),
            opt("Q36_2", "Евразийская экономическая комиссия", "The Eurasian Economic Commission"),
            opt("Q36_3", "Региональные органы власти", "Regional authorities"),
            opt("Q36_4", "Органы местного самоуправления", "Local self-government bodies"),
            opt("Q36_5", "Бизнес-сообщество", "The business community"),
            opt("Q36_6", "Некоммерческие организации", "Non-profit organizations"),
            opt("Q36_7", "Университеты и научные организации", "Universities and research organizations"),
            opt("Q36_8", "Институты развития (например, Евразийский банк развития)", "Development institutions (e.g. the Eurasian Development Bank)"),
          ],
          topK: 3,
          shuffle: true,
        },
        {
          code: "Q37",
          type: "multi",
          required: true,
          text: t(
            "Что препятствует применению проектного подхода в межрегиональном и приграничном сотрудничестве?",
            "What hinders the use of the project approach in interregional and cross-border cooperation?",
          ),
          help: MULTI_HELP,
          options: [
            opt("Q37_1", "Недостаток финансирования", "Lack of funding"),
            opt("Q37_2", "Нехватка квалифицированных кадров в области проектного управления", "Shortage of qualified project-management staff"),
            opt("Q37_3", "Отсутствие единых правовых рамок для совместных проектов", "No common legal framework for joint projects"),
            opt("Q37_4", "Различия в бюджетных и административных процедурах государств", "Differences between the states' budgetary and administrative procedures"),
            opt("Q37_5", "Слабая координация между участниками", "Weak coordination between participants"),
            opt("Q37_6", "Короткий горизонт планирования", "A short planning horizon"),
            opt("Q37_7", "Бюрократические процедуры", "Bureaucratic procedures"),
            other("Q37_OTHER"),
            hardToSay("Q37_HARD", true),
          ],
          minSelect: 1,
          shuffle: true,
        },
        {
          code: "Q38",
          type: "single",
          required: true,
          text: t(
            "Целесообразно ли создание единой программы ЕАЭС по поддержке межрегиональных и приграничных проектов (по аналогии с программой Interreg)?",
            "Would it be advisable to create a single EAEU program to support interregional and cross-border projects (similar to the Interreg program)?",
          ),
          options: [
            opt("Q38_1", "Да", "Yes"),
            opt("Q38_2", "Скорее да", "Rather yes"),
            opt("Q38_3", "Скорее нет", "Rather no"),
            opt("Q38_4", "Нет", "No"),
            hardToSay("Q38_HARD"),
          ],
        },
        {
          code: "Q39",
          type: "single",
          required: true,
          text: t(
            "Какой источник финансирования межрегиональных и приграничных проектов вы считаете наиболее перспективным?",
            "Which source of funding for interregional and cross-border projects do you consider the most promising?",
          ),
          options: [
            opt("Q39_1", "Национальные бюджеты", "National budgets"),
            opt("Q39_2", "Региональные бюджеты", "Regional budgets"),
            opt("Q39_3", "Специальный фонд ЕАЭС", "A dedicated EAEU fund"),
            opt("Q39_4", "Институты развития (например, Евразийский банк развития)", "Development institutions (e.g. the Eurasian Development Bank)"),
            opt("Q39_5", "Гранты, в том числе для некоммерческих организаций", "Grants, including grants for non-profit organizations"),
            opt("Q39_6", "Частные инвестиции и государственно-частное партнерство", "Private investment and public-private partnership"),
            other("Q39_OTHER"),
            hardToSay("Q39_HARD"),
          ],
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: "S5",
      title: t("Направления повышения эффективности сотрудничества", "Directions for increasing the effectiveness of cooperation"),
      intro: t(
        "В этом разделе мы просим вас оценить возможные направления развития межрегионального и приграничного сотрудничества в ЕАЭС.",
        "In this section we ask you to assess possible directions for developing interregional and cross-border cooperation in the EAEU.",
      ),
      items: [
        {
          code: "Q40",
          type: "multi",
          required: true,
          text: t(
            "Какие меры, на ваш взгляд, в наибольшей степени повысят эффективность межрегионального и приграничного сотрудничества в ЕАЭС?",
            "Which measures, in your opinion, would do most to increase the effectiveness of interregional and cross-border cooperation in the EAEU?",
          ),
          help: t("Выберите не более пяти вариантов.", "Choose up to five answers."),
          options: [
            opt("Q40_1", "Гармонизация нормативно-правовой базы", "Harmonizing the regulatory framework"),
            opt("Q40_2", "Расширение полномочий региональных органов власти", "Expanding the powers of regional authorities"),
            opt("Q40_3", "Развитие сотрудничества некоммерческих организаций и университетов", "Developing cooperation between non-profit organizations and universities"),
            opt("Q40_4", "Поиск и тиражирование лучших практик сотрудничества", "Finding and replicating the best practices of cooperation"),
            opt(
              "Q40_5",
              "Стандартизация методологии межрегионального и приграничного взаимодействия",
              "Standardizing the methodology of interregional and cross-border interaction",
            ),
            opt("Q40_6", "Реализация проектов общественной дипломатии", "Implementing public diplomacy projects"),
            opt("Q40_7", "Развитие научной дипломатии и межвузовских объединений", "Developing scientific diplomacy and inter-university associations"),
            opt("Q40_8", "Упрощение процедур пересечения границы для жителей приграничья", "Simplifying border-crossing procedures for border residents"),
            opt("Q40_9", "Активизация информационной политики", "A more active information policy"),
            opt("Q40_10", "Разработка целевых программ межрегионального сотрудничества", "Developing targeted programs of interregional cooperation"),
            other("Q40_OTHER"),
          ],
          minSelect: 1,
          maxSelect: 5,
          shuffle: true,
        },
        {
          code: "Q41",
          type: "scale",
          required: true,
          text: t(
            "Насколько перспективным вы считаете развитие сотрудничества евразийских некоммерческих организаций и университетов для выработки механизмов межрегиональной интеграции и реализации совместных социальных и научных проектов?",
            "How promising do you consider cooperation between Eurasian non-governmental organizations and universities for establishing the mechanisms of interregional integration and carrying out joint social and research projects?",
          ),
          min: 1,
          max: 5,
          minLabel: t("Совершенно неперспективно", "Not promising at all"),
          maxLabel: t("Очень перспективно", "Very promising"),
          cannotAssess: true,
        },
        {
          code: "Q42",
          type: "scale",
          required: true,
          text: t(
            "Насколько перспективным вы считаете поиск и применение лучших практик сотрудничества, уже реализуемых в ЕАЭС, и разработку на их основе «золотого стандарта» с учетом имеющихся ресурсов и условий?",
            "How promising do you consider the search for and application of the best practices of cooperation already in place in the EAEU, and developing a gold standard based on the available resources and conditions?",
          ),
          min: 1,
          max: 5,
          minLabel: t("Совершенно неперспективно", "Not promising at all"),
          maxLabel: t("Очень перспективно", "Very promising"),
          cannotAssess: true,
        },
        {
          code: "Q43",
          type: "scale",
          required: true,
          text: t(
            "Насколько перспективным вы считаете выработку единой траектории общественной дипломатии ЕАЭС и реализацию проектов общественной дипломатии между евразийскими государствами?",
            "How promising do you consider the development of a unified trajectory of public diplomacy in the EAEU and the implementation of public diplomacy projects between Eurasian states?",
          ),
          min: 1,
          max: 5,
          minLabel: t("Совершенно неперспективно", "Not promising at all"),
          maxLabel: t("Очень перспективно", "Very promising"),
          cannotAssess: true,
        },
        {
          code: "Q44",
          type: "single",
          required: true,
          text: t(
            "Нужен ли, на ваш взгляд, единый евразийский индекс научного цитирования?",
            "In your opinion, is a single Eurasian scientific citation index needed?",
          ),
          options: [
            opt("Q44_1", "Да", "Yes"),
            opt("Q44_2", "Скорее да", "Rather yes"),
            opt("Q44_3", "Скорее нет", "Rather no"),
            opt("Q44_4", "Нет", "No"),
            hardToSay("Q44_HARD"),
          ],
        },
        {
          code: "Q45",
          type: "text",
          text: t(
            "Какие практики межрегионального и приграничного сотрудничества в ЕАЭС вы считаете наиболее успешными? Приведите, пожалуйста, примеры.",
            "Which practices of interregional and cross-border cooperation in the EAEU do you consider the most successful? Please give examples.",
          ),
          multiline: true,
          maxLength: 2000,
        },
        {
          code: "Q46",
          type: "text",
          text: t(
            "Какие у вас есть предложения по повышению эффективности межрегионального и приграничного сотрудничества в ЕАЭС?",
            "What would you suggest to increase the effectiveness of interregional and cross-border cooperation in the EAEU?",
          ),
          multiline: true,
          maxLength: 3000,
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: "S6",
      title: t("Сведения о респонденте", "About you"),
      intro: t(
        "В завершение просим вас ответить на несколько вопросов о себе. Эти сведения нужны для сравнения мнений экспертов из разных стран и групп.",
        "Finally, please answer a few questions about yourself. We need this information to compare the views of experts from different countries and groups.",
      ),
      items: [
        {
          code: "D4",
          type: "display",
          text: t(
            "Сведения о респондентах используются только в обобщенном виде и не позволяют установить вашу личность.",
            "Information about respondents is used only in aggregate and does not identify you.",
          ),
        },
        {
          code: "Q47",
          type: "single",
          required: true,
          text: t("Какое государство вы представляете?", "Which country do you represent?"),
          options: EAEU_COUNTRIES.map((c) => ({ code: c, label: country(c).formal })),
        },
        {
          code: "Q48",
          type: "single",
          required: true,
          text: t("К какой группе экспертов вы себя относите?", "Which expert group do you belong to?"),
          options: [
            opt("SCIENTIST", "Представитель научного сообщества", "Scientist"),
            opt("OFFICIAL", "Представитель органов государственной власти или местного самоуправления", "Official"),
            opt("BUSINESS", "Представитель бизнес-сообщества", "Representative of the business community"),
            opt("NONPROFIT", "Руководитель некоммерческой организации", "Leader of a non-profit organization"),
          ],
        },
        {
          code: "Q49",
          type: "single",
          required: true,
          text: t("Есть ли у вас ученая степень?", "Do you hold an academic degree?"),
          options: [
            opt("Q49_DSC", "Доктор наук", "Doctor of Sciences"),
            opt("Q49_CSC", "Кандидат наук", "Candidate of Sciences"),
            opt("Q49_PHD", "Доктор философии (PhD)", "Doctor of Philosophy (PhD)"),
            opt("Q49_NONE", "Нет ученой степени", "No academic degree"),
            opt("Q49_OTHER", "Другая степень (укажите)", "Another degree (please specify)", { other: true }),
          ],
        },
        {
          code: "Q50",
          type: "single",
          required: true,
          text: t("Есть ли у вас ученое звание?", "Do you hold an academic title?"),
          options: [
            opt("Q50_PROF", "Профессор", "Professor"),
            opt("Q50_DOCENT", "Доцент", "Associate Professor (Docent)"),
            opt("Q50_NONE", "Нет ученого звания", "No academic title"),
          ],
        },
        {
          code: "Q51",
          type: "number",
          required: true,
          text: t(
            "Сколько лет вы занимаетесь экспертной и (или) исследовательской работой по проблемам евразийской интеграции и межрегионального сотрудничества?",
            "How many years have you been engaged in expert work and/or research on Eurasian integration and interregional cooperation?",
          ),
          min: 0,
          max: 70,
          integer: true,
          unit: t("лет", "years"),
        },
        {
          code: "Q52",
          type: "number",
          required: true,
          text: t(
            "Сколько у вас публикаций по проблематике исследования (евразийская интеграция, межрегиональное и приграничное сотрудничество, международные отношения)?",
            "How many publications do you have on the research issues (Eurasian integration, interregional and cross-border cooperation, international relations)?",
          ),
          min: 0,
          max: 1000,
          integer: true,
          unit: t("публикаций", "publications"),
        },
        {
          code: "Q53",
          type: "single",
          required: true,
          text: t(
            "Руководите ли вы общественной или научной организацией, ведущей деятельность в области евразийской интеграции, или работаете в такой организации?",
            "Do you lead, or work in, a public or scientific organization active in the field of Eurasian integration?",
          ),
          options: [
            opt("Q53_LEAD", "Да, руковожу такой организацией", "Yes, I lead such an organization"),
            opt("Q53_BOARD", "Да, вхожу в руководящий орган такой организации", "Yes, I sit on the governing body of such an organization"),
            opt("Q53_WORK", "Да, работаю в такой организации", "Yes, I work in such an organization"),
            opt("Q53_NO", "Нет", "No"),
          ],
        },
        {
          code: "Q54",
          type: "multi",
          required: true,
          text: t(
            "В организациях какого типа вы работаете или участвуете в настоящее время?",
            "What types of organizations do you currently work in or take part in?",
          ),
          help: MULTI_HELP,
          options: [
            opt("Q54_1", "Органы государственной власти", "National government bodies"),
            opt("Q54_2", "Региональные органы власти или органы местного самоуправления", "Regional authorities or local self-government bodies"),
            opt("Q54_3", "Органы ЕАЭС (Евразийская экономическая комиссия и др.)", "EAEU bodies (the Eurasian Economic Commission, etc.)"),
            opt("Q54_4", "Университет", "A university"),
            opt("Q54_5", "Научно-исследовательский институт или аналитический центр", "A research institute or think tank"),
            opt("Q54_6", "Коммерческая организация или бизнес-ассоциация", "A company or business association"),
            opt("Q54_7", "Некоммерческая организация", "A non-profit organization"),
            opt("Q54_8", "Средства массовой информации", "The media"),
            other("Q54_OTHER"),
          ],
          minSelect: 1,
        },
        {
          code: "Q55",
          type: "single",
          required: true,
          text: t(
            "Участвовали ли вы лично в реализации проектов межрегионального или приграничного сотрудничества?",
            "Have you personally taken part in interregional or cross-border cooperation projects?",
          ),
          options: [
            opt("Q55_LEAD", "Да, в качестве руководителя проекта", "Yes, as a project leader"),
            opt("Q55_MEMBER", "Да, в качестве участника проекта", "Yes, as a project participant"),
            opt("Q55_EXPERT", "Да, в качестве эксперта или консультанта", "Yes, as an expert or consultant"),
            opt("Q55_NO", "Нет", "No"),
          ],
        },
        {
          code: "Q56",
          type: "text",
          text: t(
            "Укажите, пожалуйста, регион (область, край, город), в котором вы работаете.",
            "Please state the region (province, city) where you work.",
          ),
          multiline: false,
          maxLength: 200,
        },
        {
          code: "Q57",
          type: "single",
          required: true,
          text: t("Укажите, пожалуйста, ваш возраст.", "Please indicate your age."),
          options: [
            opt("Q57_1", "До 30 лет", "Under 30"),
            opt("Q57_2", "30–39 лет", "30–39"),
            opt("Q57_3", "40–49 лет", "40–49"),
            opt("Q57_4", "50–59 лет", "50–59"),
            opt("Q57_5", "60 лет и старше", "60 or over"),
          ],
        },
        {
          code: "Q58",
          type: "text",
          text: t(
            "Если вы хотите что-либо добавить или прокомментировать, напишите, пожалуйста, здесь.",
            "If you would like to add or comment on anything, please write it here.",
          ),
          multiline: true,
          maxLength: 3000,
        },
      ],
    },
  ],
};
