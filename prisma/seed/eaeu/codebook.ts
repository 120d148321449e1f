import type { TCodebookEntry } from "@/lib/codebook/seed";
import { confirmedText as t } from "@/lib/i18n/text";

export type { TCodebookEntry };

/**
 * The thematic codebook for coding quotes from the demo study's expert interviews. The themes follow
 * what the paper reports from the interviews: how experts perceive cooperation, the prevailing forms
 * of interaction, what cooperation facilitates, what drives it, the barriers (regulatory framework,
 * information exchange, bureaucracy, …), the lessons of foreign experience, and the three vectors of
 * development (NGO and university cooperation, best practices, public diplomacy). Russian is the
 * source language.
 */
export const eaeuCodebook: TCodebookEntry[] = [
  {
    code: "PERCEPTION",
    name: t("Восприятие приграничного сотрудничества", "Perception of cross-border cooperation"),
    description: t(
      "Как эксперт понимает и оценивает приграничное и межрегиональное сотрудничество в целом.",
      "How the expert understands and assesses cross-border and interregional cooperation as a whole.",
    ),
    children: [
      {
        code: "PERCEPTION_TERMS",
        name: t("Понимание терминов", "Understanding of the terms"),
        description: t(
          "Собственные определения «межрегионального» и «приграничного» взаимодействия, их разграничение или смешение; плюрализм трактовок, в том числе внутри одной группы экспертов.",
          "The expert's own definitions of “interregional” and “cross-border” interaction, how they are told apart or conflated; the plurality of interpretations, including within one expert group.",
        ),
      },
      {
        code: "PERCEPTION_POSITIVE",
        name: t("Позитивная оценка перспектив", "Positive assessment of prospects"),
        description: t(
          "Высказывания о том, что сотрудничество развивается и имеет хорошие перспективы.",
          "Statements that cooperation is developing and has good prospects.",
        ),
      },
      {
        code: "PERCEPTION_UNEVEN",
        name: t("Неравномерность и асинхронность развития", "Uneven and asynchronous development"),
        description: t(
          "Сотрудничество развивается неоднородно: активно между одними странами и слабо между другими; характер взаимодействия меняется лишь между отдельными государствами.",
          "Cooperation develops heterogeneously: actively between some countries and weakly between others; the nature of interaction changes only between individual states.",
        ),
      },
      {
        code: "PERCEPTION_ECONOMIC",
        name: t("Сведение интеграции к экономике", "Integration reduced to economics"),
        description: t(
          "Евразийская интеграция и межрегиональное сотрудничество воспринимаются прежде всего как экономическое взаимодействие (общие рынки товаров, услуг, труда и капитала).",
          "Eurasian integration and interregional cooperation are seen primarily as economic interaction (common markets for goods, services, labor and capital).",
        ),
      },
    ],
  },
  {
    code: "FORMS",
    name: t("Формы взаимодействия", "Forms of interaction"),
    description: t(
      "Модели и типы взаимодействия регионов государств — членов ЕАЭС.",
      "Models and types of interaction between the regions of the EAEU member states.",
    ),
    children: [
      {
        code: "FORMS_VERTICAL",
        name: t("Вертикальное взаимодействие через столицы", "Vertical interaction through the capitals"),
        description: t(
          "Инициативы исходят от национальных центров; регионы действуют через столицы своих государств.",
          "Initiatives come from national centers; regions act through their states' capitals.",
        ),
      },
      {
        code: "FORMS_HORIZONTAL",
        name: t("Горизонтальное взаимодействие между регионами", "Horizontal interaction between regions"),
        description: t(
          "Прямые связи регионов и муниципалитетов разных государств без посредничества центра.",
          "Direct links between regions and municipalities of different states without the center as intermediary.",
        ),
      },
      {
        code: "FORMS_BUSINESS",
        name: t("Экономическое сотрудничество хозяйствующих субъектов", "Economic cooperation between business entities"),
        description: t(
          "Взаимодействие на уровне предприятий: взаимный интерес к группам товаров и услуг, совместные бизнес-проекты.",
          "Interaction at the level of companies: mutual interest in groups of goods and services, joint business projects.",
        ),
      },
      {
        code: "FORMS_BILATERAL",
        name: t("Двусторонние интеграционные проекты", "Bilateral integration projects"),
        description: t(
          "Тесные двусторонние отношения и особые проекты вроде Союзного государства России и Беларуси.",
          "Close bilateral relations and special projects such as the Union State of Russia and Belarus.",
        ),
      },
      {
        code: "FORMS_AGREEMENTS",
        name: t("Соглашения и договоры регионов", "Agreements and contracts between regions"),
        description: t(
          "Упоминания соглашений о сотрудничестве между регионами и муниципалитетами, их содержания и выполнения.",
          "Mentions of cooperation agreements between regions and municipalities, their content and implementation.",
        ),
      },
    ],
  },
  {
    code: "EFFECTS",
    name: t("Чему способствует сотрудничество", "What cooperation facilitates"),
    description: t(
      "Результаты и выгоды, которые эксперт связывает с межрегиональным и приграничным сотрудничеством.",
      "The results and benefits the expert attributes to interregional and cross-border cooperation.",
    ),
    children: [
      {
        code: "EFFECTS_ECONOMY",
        name: t("Экономическое развитие регионов", "Economic development of regions"),
        description: t(
          "Рост экономики регионов и социально-экономического развития стран в целом благодаря экономическим связям.",
          "Growth of regional economies and of the countries' overall socio-economic development through economic ties.",
        ),
      },
      {
        code: "EFFECTS_BUSINESS",
        name: t("Развитие бизнеса и предпринимательства", "Development of business and entrepreneurship"),
        description: t("Новые рынки, деловые связи и возможности для предпринимателей.", "New markets, business links and opportunities for entrepreneurs."),
      },
      {
        code: "EFFECTS_MIGRATION",
        name: t("Трудовая миграция", "Labor migration"),
        description: t("Движение рабочей силы между государствами и регионами.", "Movement of labor between states and regions."),
      },
      {
        code: "EFFECTS_EDUCATION",
        name: t("Образование и академическое сотрудничество", "Education and academic cooperation"),
        description: t(
          "Обмены в образовательной и академической сфере, совместные исследовательские проекты, межвузовские лаборатории.",
          "Exchanges in education and academia, joint research projects, inter-university laboratories.",
        ),
      },
      {
        code: "EFFECTS_SOCIOCULTURAL",
        name: t("Гуманитарные и социокультурные связи", "Humanitarian and socio-cultural ties"),
        description: t(
          "Культурный обмен, гуманитарное сотрудничество, обмен идеями в молодежной сфере.",
          "Cultural exchange, humanitarian cooperation, exchange of ideas among young people.",
        ),
      },
      {
        code: "EFFECTS_INFRASTRUCTURE",
        name: t("Транспортная и околотаможенная инфраструктура", "Transport and near-customs infrastructure"),
        description: t(
          "Развитие транспортной и таможенной инфраструктуры в приграничье, упрощение пересечения границы для жителей.",
          "Development of transport and customs infrastructure in border areas, simpler border crossing for residents.",
        ),
      },
    ],
  },
  {
    code: "DRIVERS",
    name: t("Движущие силы сотрудничества", "Drivers of cooperation"),
    description: t(
      "Факторы, которые эксперт считает источником эффективного сотрудничества.",
      "The factors the expert sees as the source of effective cooperation.",
    ),
    children: [
      {
        code: "DRIVERS_GOVERNMENT_INTEREST",
        name: t("Заинтересованность правительств и региональных властей", "Interest of governments and regional authorities"),
        description: t(
          "Сотрудничество развивается там, где в нем заинтересованы национальные правительства и региональные органы власти (например, Россия — Казахстан).",
          "Cooperation develops where national governments and regional authorities are interested in it (e.g. Russia – Kazakhstan).",
        ),
      },
      {
        code: "DRIVERS_ELITE_ENTHUSIASM",
        name: t("Интеграционный энтузиазм высших лиц", "Integration enthusiasm of top officials"),
        description: t(
          "Сотрудничество держится на политической воле и энтузиазме первых лиц государств, а не на других уровнях управления.",
          "Cooperation rests on the political will and enthusiasm of the heads of state rather than on other levels of government.",
        ),
      },
      {
        code: "DRIVERS_MUTUAL_INTEREST",
        name: t("Взаимный экономический интерес", "Mutual economic interest"),
        description: t(
          "Взаимодополняемость регионов: товары и услуги, которые есть в одних регионах и слабо представлены в других.",
          "Complementarity of regions: goods and services available in some regions and poorly represented in others.",
        ),
      },
    ],
  },
  {
    code: "BARRIERS",
    name: t("Барьеры", "Barriers"),
    description: t(
      "Что, по мнению эксперта, препятствует развитию или снижает эффективность межрегионального и приграничного сотрудничества.",
      "What, in the expert's view, hinders interregional and cross-border cooperation or reduces its effectiveness.",
    ),
    children: [
      {
        code: "BARRIERS_REGULATORY",
        name: t("Нормативно-правовая база", "Regulatory framework"),
        description: t(
          "Отсутствие единой нормативно-правовой базы; рекомендательный характер соглашений регионов и муниципалитетов; нет движения к конкретизации и разработке программ.",
          "No single regulatory framework; the advisory nature of agreements between regions and municipalities; no movement towards concrete steps and programs.",
        ),
      },
      {
        code: "BARRIERS_INFORMATION",
        name: t("Информационный обмен", "Information exchange"),
        description: t(
          "Низкий уровень информационного обмена, недостаточные коммуникации руководителей приграничных регионов, неактивная информационная политика, неосведомленность населения о формах и инструментах взаимодействия.",
          "Low level of information exchange, insufficient communication between the leaders of border regions, an inactive information policy, public unawareness of the forms and tools of interaction.",
        ),
      },
      {
        code: "BARRIERS_BUREAUCRACY",
        name: t("Бюрократия и формализм", "Bureaucracy and formalism"),
        description: t(
          "Местная бюрократия и формальное отношение к проектам, реализация интеграционных проектов лишь «для галочки».",
          "Local bureaucracy and a formal attitude to projects; integration projects implemented only on paper.",
        ),
      },
      {
        code: "BARRIERS_AUTHORITY",
        name: t("Недостаток полномочий регионов", "Lack of regional powers"),
        description: t(
          "Региональные власти не обладают достаточными полномочиями для международного сотрудничества; различные подходы к субъектности регионов.",
          "Regional authorities lack sufficient powers for international cooperation; differing approaches to the agency of regions.",
        ),
      },
      {
        code: "BARRIERS_DISINTEREST",
        name: t("Незаинтересованность региональных властей", "Disinterest of regional authorities"),
        description: t(
          "Региональные власти не стремятся реализовывать международные проекты или реализуют их формально.",
          "Regional authorities do not seek to implement international projects, or implement them only formally.",
        ),
      },
      {
        code: "BARRIERS_FINANCE",
        name: t("Финансовые трудности", "Financial difficulties"),
        description: t("Нехватка средств на совместные проекты и программы.", "Lack of funds for joint projects and programs."),
      },
      {
        code: "BARRIERS_ADMINISTRATIVE",
        name: t("Административные барьеры", "Administrative barriers"),
        description: t(
          "Административные препятствия между регионами разных государств, сложные процедуры пересечения границы.",
          "Administrative obstacles between regions of different states, complex border-crossing procedures.",
        ),
      },
      {
        code: "BARRIERS_TRANSPORT",
        name: t("Отсутствие прямых транспортных коридоров", "Absence of direct transport corridors"),
        description: t("Слабая транспортная связанность регионов.", "Poor transport connections between regions."),
      },
      {
        code: "BARRIERS_NO_PROGRAMS",
        name: t("Отсутствие межрегиональных программ", "Absence of interregional programs"),
        description: t(
          "Нет межрегиональных бизнес-программ, проектов и целевых программ сотрудничества.",
          "No interregional business programs, projects or targeted cooperation programs.",
        ),
      },
      {
        code: "BARRIERS_COMPETITION",
        name: t("Конкуренция регионов", "Competition between regions"),
        description: t(
          "Конкуренция регионов внутри государств за влияние на центральные власти и за инвестиции.",
          "Competition between regions within states for influence on the central authorities and for investment.",
        ),
      },
    ],
  },
  {
    code: "FOREIGN",
    name: t("Зарубежный опыт", "Foreign experience"),
    description: t(
      "Ссылки на опыт других интеграционных объединений, прежде всего Европейского союза.",
      "References to the experience of other integration unions, above all the European Union.",
    ),
    children: [
      {
        code: "FOREIGN_EU_PROGRAMS",
        name: t("Программы ЕС", "EU programs"),
        description: t(
          "Interreg, ENPI, ENI CBC и другие программы ЕС, объединяющие проекты в научной, инновационной, транспортной, культурной и социальной сферах.",
          "Interreg, ENPI, ENI CBC and other EU programs that unite projects in science, innovation, transport, culture and social affairs.",
        ),
      },
      {
        code: "FOREIGN_ADAPTATION",
        name: t("Необходимость адаптации", "Need for adaptation"),
        description: t(
          "Прямой перенос европейских практик неэффективен; нужна их существенная адаптация к евразийским условиям.",
          "Transferring European practices directly does not work; they need substantial adaptation to Eurasian conditions.",
        ),
      },
    ],
  },
  {
    code: "RISKS",
    name: t("Риски для интеграции", "Risks to integration"),
    description: t(
      "Угрозы и вызовы для интеграции, которые эксперт связывает с узостью сотрудничества.",
      "Threats and challenges to integration that the expert links to the narrowness of cooperation.",
    ),
    children: [
      {
        code: "RISKS_PUBLIC_CRITICISM",
        name: t("Общественная критика участия в ЕАЭС", "Public criticism of EAEU membership"),
        description: t(
          "Критика участия страны в ЕАЭС внутри государств-членов (например, в Армении).",
          "Criticism within member states of the country's participation in the EAEU (e.g. in Armenia).",
        ),
      },
      {
        code: "RISKS_ELITE_ONLY",
        name: t("Взаимодействие только на уровне элит", "Interaction only between elites"),
        description: t(
          "Сотрудничество не доходит до уровня населения; необходим переход от взаимодействия элит к реальной коммуникации людей.",
          "Cooperation does not reach the population; a shift is needed from interaction between elites to real communication between people.",
        ),
      },
      {
        code: "RISKS_ALTERNATIVE_INTEGRATION",
        name: t("Альтернативные интеграционные векторы", "Alternative integration vectors"),
        description: t(
          "Выбор соседними государствами иных интеграционных проектов вопреки экономическим выгодам (например, Молдова, Украина).",
          "Neighboring states choosing other integration projects regardless of economic advantages (e.g. Moldova, Ukraine).",
        ),
      },
    ],
  },
  {
    code: "VECTORS",
    name: t("Векторы развития", "Development vectors"),
    description: t(
      "Предлагаемые направления повышения эффективности межрегионального и приграничного сотрудничества в ЕАЭС.",
      "Proposed directions for increasing the effectiveness of interregional and cross-border cooperation in the EAEU.",
    ),
    children: [
      {
        code: "VECTORS_NGO_UNIVERSITIES",
        name: t("Сотрудничество НКО и университетов", "NGO and university cooperation"),
        description: t(
          "Активизация общественных организаций и академического сообщества: совместные социальные и научные проекты, «узлы» сотрудничества, грантовое финансирование, сетевые университеты, межвузовские объединения.",
          "More activity by civil-society organizations and the academic community: joint social and research projects, cooperation nodes, grant funding, network universities, inter-university associations.",
        ),
      },
      {
        code: "VECTORS_BEST_PRACTICES",
        name: t("Лучшие практики", "Best practices"),
        description: t(
          "Поиск и тиражирование эффективных практик, уже применяемых в ЕАЭС, их классификация по условиям применения, «золотой стандарт» и стандартизация методологии сотрудничества.",
          "Finding and replicating effective practices already used in the EAEU, classifying them by the conditions of use, a gold standard and a standardized methodology of cooperation.",
        ),
      },
      {
        code: "VECTORS_PUBLIC_DIPLOMACY",
        name: t("Общественная дипломатия", "Public diplomacy"),
        description: t(
          "Единый вектор общественной дипломатии ЕАЭС, проекты общественной дипломатии на постсоветском пространстве, вовлечение населения в международные отношения.",
          "A single vector of EAEU public diplomacy, public diplomacy projects in the post-Soviet space, involving the population in international relations.",
        ),
      },
      {
        code: "VECTORS_SCIENCE_DIPLOMACY",
        name: t("Научная дипломатия", "Scientific diplomacy"),
        description: t(
          "Использование опыта академического сотрудничества, евразийские межвузовские объединения, интеграция образовательных систем, единый евразийский индекс научного цитирования.",
          "Using the experience of academic cooperation, Eurasian inter-university associations, integration of education systems, a single Eurasian scientific citation index.",
        ),
      },
      {
        code: "VECTORS_BEYOND_ECONOMY",
        name: t("Выход за пределы экономики", "Beyond the economy"),
        description: t(
          "Расширение сотрудничества в культурной, социальной, образовательной и гуманитарной сферах.",
          "Expanding cooperation into cultural, social, educational and humanitarian areas.",
        ),
      },
      {
        code: "VECTORS_FROM_BELOW",
        name: t("Инициатива «снизу»", "Initiative from below"),
        description: t(
          "Интеграция по инициативе регионов, муниципалитетов, городов, бизнеса и НКО; «интеграционные узлы» на границах.",
          "Integration initiated by regions, municipalities, cities, business and NGOs; “integration nodes” on the borders.",
        ),
      },
      {
        code: "VECTORS_PROGRAMS",
        name: t("Целевые программы и проектное управление", "Targeted programs and project management"),
        description: t(
          "Разработка программы или концепции развития сотрудничества, целевых международных и межрегиональных программ, применение проектного подхода.",
          "Developing a program or concept for cooperation, targeted international and interregional programs, using the project approach.",
        ),
      },
    ],
  },
];
