import type { TGuideInput } from "@/lib/instrument/definition";
import { confirmedText as t } from "@/lib/i18n/text";

/**
 * The semi-structured interview guide of the demo study, with the paper's four blocks in order:
 * (1) the expert's perception of the phenomenon of cross-border cooperation; (2) interregional
 * cooperation as a phenomenon and its features; (3) distinctive features of cross-border cooperation;
 * (4) problems and prospects of interregional and cross-border cooperation in the EAEU.
 * Russian is the source language.
 */
export const eaeuGuide: TGuideInput = {
  kind: "guide",
  title: t(
    "Путеводитель экспертного интервью «Приграничное и межрегиональное взаимодействие государств — членов Евразийского экономического союза»",
    "Expert interview guide: “Cross-border and interregional interaction of the member states of the Eurasian Economic Union”",
  ),
  intro: t(
    "Интервью длится 60–70 минут. Представьтесь, кратко изложите цель исследования — выявить наиболее перспективные формы и модели приграничного и межрегионального взаимодействия государств — членов ЕАЭС — и получите согласие эксперта на аудиозапись. Сообщите, что в публикациях эксперт будет упоминаться только под условным обозначением и с указанием страны (например, «Эксперт 4 (Республика Армения)»). Задавайте основные вопросы блока по порядку; уточняющие вопросы используйте, если эксперт не затронул соответствующий аспект сам. Не предлагайте эксперту готовых определений: нас интересует его собственное понимание терминов.",
    "The interview lasts 60–70 minutes. Introduce yourself, briefly explain the purpose of the study — to clarify the most promising forms and models of cross-border and interregional interaction of the EAEU member states — and obtain the expert's consent to an audio recording. Explain that publications will refer to the expert only by a pseudonym and country (e.g. “Expert 4 (Republic of Armenia)”). Ask the main questions of each block in order; use the probes when the expert has not covered the aspect on their own. Do not offer ready-made definitions: we are interested in the expert's own understanding of the terms.",
  ),
  blocks: [
    {
      code: "B1",
      title: t(
        "Восприятие экспертом феномена приграничного сотрудничества",
        "The expert's perception of the phenomenon of cross-border cooperation",
      ),
      intro: t(
        "Цель блока — выяснить, как эксперт понимает приграничное сотрудничество и как оценивает его нынешнее состояние.",
        "The aim of this block is to find out how the expert understands cross-border cooperation and how they assess its current state.",
      ),
      suggestedMinutes: 15,
      questions: [
        {
          code: "B1_Q1",
          text: t(
            "Что вы понимаете под приграничным сотрудничеством? Как бы вы определили это понятие?",
            "What do you understand by cross-border cooperation? How would you define the concept?",
          ),
          probes: [
            { code: "B1_Q1_P1", text: t("Каковы его ключевые признаки?", "What are its key features?") },
            {
              code: "B1_Q1_P2",
              text: t("Кто, на ваш взгляд, является основными субъектами приграничного сотрудничества?", "Who, in your view, are the main actors of cross-border cooperation?"),
            },
            {
              code: "B1_Q1_P3",
              text: t(
                "Чем приграничное сотрудничество отличается от межрегионального?",
                "How does cross-border cooperation differ from interregional cooperation?",
              ),
            },
            {
              code: "B1_Q1_P4",
              text: t(
                "Изменилось ли ваше понимание этого явления за последние годы? Если да, то как?",
                "Has your understanding of the phenomenon changed in recent years? If so, how?",
              ),
            },
          ],
        },
        {
          code: "B1_Q2",
          text: t(
            "Как вы оцениваете современное состояние приграничного сотрудничества между вашей страной и другими государствами — членами ЕАЭС?",
            "How do you assess the current state of cross-border cooperation between your country and the other EAEU member states?",
          ),
          probes: [
            {
              code: "B1_Q2_P1",
              text: t("С какими странами сотрудничество развито лучше всего, а с какими — хуже? Почему?", "With which countries is cooperation best developed, and with which is it weakest? Why?"),
            },
            {
              code: "B1_Q2_P2",
              text: t(
                "Какую роль играют двусторонние отношения государств и интеграционные проекты вроде Союзного государства?",
                "What role do the states' bilateral relations and integration projects such as the Union State play?",
              ),
            },
            {
              code: "B1_Q2_P3",
              text: t("Можете привести конкретные примеры?", "Can you give specific examples?"),
            },
          ],
        },
        {
          code: "B1_Q3",
          text: t(
            "Какое место занимает приграничное сотрудничество в евразийской интеграции в целом?",
            "What place does cross-border cooperation hold in Eurasian integration as a whole?",
          ),
          probes: [
            {
              code: "B1_Q3_P1",
              text: t("Согласны ли вы, что евразийская интеграция сегодня сводится к экономическому сотрудничеству?", "Do you agree that Eurasian integration today is reduced to economic cooperation?"),
            },
            {
              code: "B1_Q3_P2",
              text: t(
                "Насколько жители приграничных регионов вовлечены в это сотрудничество и ощущают его результаты?",
                "How far are the residents of border regions involved in this cooperation, and do they feel its results?",
              ),
            },
            {
              code: "B1_Q3_P3",
              text: t("Какие инструменты приграничного взаимодействия необходимы интеграционным процессам?", "Which tools of cross-border interaction do integration processes need?"),
            },
          ],
        },
        {
          code: "B1_Q4",
          text: t(
            "Приходилось ли вам в вашей профессиональной деятельности сталкиваться с приграничным сотрудничеством? Расскажите об этом опыте.",
            "Have you come across cross-border cooperation in your professional work? Please tell us about that experience.",
          ),
          probes: [
            { code: "B1_Q4_P1", text: t("В каких проектах вы участвовали и в какой роли?", "Which projects did you take part in, and in what role?") },
            { code: "B1_Q4_P2", text: t("Каких результатов удалось достичь?", "What results were achieved?") },
            { code: "B1_Q4_P3", text: t("С какими трудностями вы столкнулись?", "What difficulties did you face?") },
          ],
        },
      ],
    },
    {
      code: "B2",
      title: t(
        "Межрегиональное сотрудничество как явление и его особенности",
        "Interregional cooperation as a phenomenon and its features",
      ),
      intro: t(
        "Цель блока — выяснить, как эксперт понимает межрегиональное сотрудничество, в каких сферах и моделях оно реализуется и кто в нем участвует.",
        "The aim of this block is to find out how the expert understands interregional cooperation, in which areas and models it takes place and who takes part in it.",
      ),
      suggestedMinutes: 15,
      questions: [
        {
          code: "B2_Q1",
          text: t(
            "Что для вас представляет собой межрегиональное сотрудничество? Каковы его сущностные особенности?",
            "What is interregional cooperation to you? What are its essential features?",
          ),
          probes: [
            {
              code: "B2_Q1_P1",
              text: t(
                "Это прежде всего ресурс экономического развития или инструмент согласования интересов регионов?",
                "Is it first of all a resource for economic development, or a tool for coordinating the interests of regions?",
              ),
            },
            {
              code: "B2_Q1_P2",
              text: t(
                "Какое место занимают нефинансовые формы — информационное взаимодействие, обмен опытом, сближение регионального законодательства, культурные связи?",
                "What place do non-financial forms hold — information exchange, sharing experience, bringing regional legislation closer, cultural ties?",
              ),
            },
            {
              code: "B2_Q1_P3",
              text: t(
                "Различается ли понимание межрегионального сотрудничества в разных государствах ЕАЭС?",
                "Does the understanding of interregional cooperation differ between the EAEU states?",
              ),
            },
          ],
        },
        {
          code: "B2_Q2",
          text: t(
            "Развитию каких сфер в наибольшей степени способствует межрегиональное сотрудничество?",
            "Which areas benefit most from interregional cooperation?",
          ),
          probes: [
            {
              code: "B2_Q2_P1",
              text: t("Экономическое развитие регионов, бизнес и предпринимательство?", "The economic development of regions, business and entrepreneurship?"),
            },
            {
              code: "B2_Q2_P2",
              text: t(
                "Образование, академическое сотрудничество, совместные исследования?",
                "Education, academic cooperation, joint research?",
              ),
            },
            {
              code: "B2_Q2_P3",
              text: t("Гуманитарное сотрудничество, социокультурные и молодежные связи?", "Humanitarian cooperation, socio-cultural and youth ties?"),
            },
            {
              code: "B2_Q2_P4",
              text: t("Трудовая миграция, транспортная и околотаможенная инфраструктура?", "Labor migration, transport and near-customs infrastructure?"),
            },
          ],
        },
        {
          code: "B2_Q3",
          text: t(
            "Какой тип взаимодействия, на ваш взгляд, преобладает между регионами государств ЕАЭС — вертикальное через столицы, горизонтальное между регионами или экономическое сотрудничество хозяйствующих субъектов?",
            "Which type of interaction, in your view, prevails between the regions of the EAEU states — vertical through the capitals, horizontal between regions, or economic cooperation between business entities?",
          ),
          probes: [
            { code: "B2_Q3_P1", text: t("От кого обычно исходят межрегиональные инициативы?", "Who usually initiates interregional initiatives?") },
            {
              code: "B2_Q3_P2",
              text: t(
                "Достаточно ли у региональных властей полномочий для международного сотрудничества?",
                "Do regional authorities have enough powers for international cooperation?",
              ),
            },
            {
              code: "B2_Q3_P3",
              text: t(
                "Конкурируют ли регионы внутри страны за влияние на центр и за инвестиции? Как это сказывается на сотрудничестве?",
                "Do regions within a country compete for influence on the center and for investment? How does this affect cooperation?",
              ),
            },
          ],
        },
        {
          code: "B2_Q4",
          text: t(
            "Какие субъекты, помимо органов власти, участвуют в межрегиональном сотрудничестве и какую роль они могли бы играть?",
            "Which actors other than the authorities take part in interregional cooperation, and what role could they play?",
          ),
          probes: [
            { code: "B2_Q4_P1", text: t("Бизнес-сообщество?", "The business community?") },
            {
              code: "B2_Q4_P2",
              text: t(
                "Некоммерческие организации, в том числе молодежные и социально ориентированные?",
                "Non-profit organizations, including youth and socially oriented ones?",
              ),
            },
            {
              code: "B2_Q4_P3",
              text: t(
                "Университеты и научное сообщество (например, Евразийский сетевой университет)?",
                "Universities and the academic community (e.g. the Eurasian Network University)?",
              ),
            },
          ],
        },
      ],
    },
    {
      code: "B3",
      title: t("Отличительные черты приграничного сотрудничества", "Distinctive features of cross-border cooperation"),
      intro: t(
        "Цель блока — выявить, чем приграничное сотрудничество отличается от других форм международного взаимодействия регионов и какие его формы наиболее эффективны.",
        "The aim of this block is to identify how cross-border cooperation differs from other forms of international interaction between regions and which of its forms are most effective.",
      ),
      suggestedMinutes: 12,
      questions: [
        {
          code: "B3_Q1",
          text: t(
            "Чем, на ваш взгляд, приграничное сотрудничество отличается от других форм международного взаимодействия регионов?",
            "In your view, how does cross-border cooperation differ from other forms of international interaction between regions?",
          ),
          probes: [
            {
              code: "B3_Q1_P1",
              text: t("Какую роль играет приграничная зона и функции границы?", "What role do the border zone and the functions of the border play?"),
            },
            {
              code: "B3_Q1_P2",
              text: t("Какова роль местных сообществ и жителей приграничья?", "What is the role of local communities and border residents?"),
            },
            {
              code: "B3_Q1_P3",
              text: t(
                "Как влияют на сотрудничество таможенные процедуры и порядок пересечения границы?",
                "How do customs procedures and border-crossing rules affect cooperation?",
              ),
            },
          ],
        },
        {
          code: "B3_Q2",
          text: t(
            "Как особенности приграничных регионов влияют на характер сотрудничества?",
            "How do the features of border regions shape cooperation?",
          ),
          probes: [
            {
              code: "B3_Q2_P1",
              text: t("Насколько различаются приграничные регионы разных стран ЕАЭС?", "How much do the border regions of the different EAEU countries differ?"),
            },
            {
              code: "B3_Q2_P2",
              text: t("Как сказываются транспортная доступность и инфраструктура?", "What effect do transport accessibility and infrastructure have?"),
            },
            {
              code: "B3_Q2_P3",
              text: t(
                "Влияет ли асимметрия экономического потенциала соседних регионов?",
                "Does the asymmetry in the economic potential of neighboring regions matter?",
              ),
            },
          ],
        },
        {
          code: "B3_Q3",
          text: t(
            "Какие формы и инструменты приграничного сотрудничества, на ваш взгляд, работают лучше всего?",
            "Which forms and tools of cross-border cooperation work best, in your view?",
          ),
          probes: [
            {
              code: "B3_Q3_P1",
              text: t(
                "Насколько действенны соглашения между регионами? Не носят ли они лишь рекомендательный характер?",
                "How effective are agreements between regions? Are they merely advisory?",
              ),
            },
            {
              code: "B3_Q3_P2",
              text: t("Какие совместные проекты дали реальный результат?", "Which joint projects have produced real results?") },
            {
              code: "B3_Q3_P3",
              text: t(
                "Знает ли население о существующих формах и инструментах приграничного взаимодействия?",
                "Is the population aware of the existing forms and tools of cross-border interaction?",
              ),
            },
          ],
        },
        {
          code: "B3_Q4",
          text: t(
            "Возможен ли единый подход к приграничному сотрудничеству для всего пространства ЕАЭС?",
            "Is a unified approach to cross-border cooperation possible for the whole EAEU space?",
          ),
          probes: [
            {
              code: "B3_Q4_P1",
              text: t(
                "Нужна ли стандартизация практик и инструментов сотрудничества?",
                "Is there a need to standardize the practices and tools of cooperation?",
              ),
            },
            {
              code: "B3_Q4_P2",
              text: t("Как учитывать специфику и ресурсы конкретных регионов?", "How should the specifics and resources of particular regions be taken into account?"),
            },
            {
              code: "B3_Q4_P3",
              text: t(
                "Применим ли опыт Европейского союза (программы Interreg, ENI CBC)? При каких условиях?",
                "Is the European Union's experience (the Interreg and ENI CBC programs) applicable? Under what conditions?",
              ),
            },
          ],
        },
      ],
    },
    {
      code: "B4",
      title: t(
        "Проблемы и перспективы межрегионального и приграничного сотрудничества в ЕАЭС",
        "Problems and prospects of interregional and cross-border cooperation in the EAEU",
      ),
      intro: t(
        "Цель блока — выявить барьеры, снижающие эффективность сотрудничества, и направления его дальнейшего развития.",
        "The aim of this block is to identify the barriers that reduce the effectiveness of cooperation and the directions for its further development.",
      ),
      suggestedMinutes: 18,
      questions: [
        {
          code: "B4_Q1",
          text: t(
            "Какие основные барьеры препятствуют развитию межрегионального и приграничного сотрудничества в ЕАЭС?",
            "What are the main barriers to the development of interregional and cross-border cooperation in the EAEU?",
          ),
          probes: [
            {
              code: "B4_Q1_P1",
              text: t("Нормативно-правовая база: чего в ней не хватает?", "The regulatory framework: what is missing from it?"),
            },
            {
              code: "B4_Q1_P2",
              text: t(
                "Информационный обмен и коммуникации между руководителями приграничных регионов?",
                "Information exchange and communication between the leaders of border regions?",
              ),
            },
            {
              code: "B4_Q1_P3",
              text: t("Бюрократия и формализм на местах?", "Local bureaucracy and formalism?"),
            },
            {
              code: "B4_Q1_P4",
              text: t(
                "Финансовые трудности, отсутствие прямых транспортных коридоров, незаинтересованность региональных властей?",
                "Financial difficulties, the absence of direct transport corridors, the disinterest of regional authorities?",
              ),
            },
          ],
        },
        {
          code: "B4_Q2",
          text: t(
            "Что, на ваш взгляд, могло бы повысить эффективность межрегионального и приграничного сотрудничества в ЕАЭС?",
            "What, in your view, could increase the effectiveness of interregional and cross-border cooperation in the EAEU?",
          ),
          probes: [
            {
              code: "B4_Q2_P1",
              text: t(
                "Сотрудничество некоммерческих организаций и университетов, совместные социальные и научные проекты?",
                "Cooperation between non-profit organizations and universities, joint social and research projects?",
              ),
            },
            {
              code: "B4_Q2_P2",
              text: t(
                "Поиск и тиражирование лучших практик, разработка «золотого стандарта» сотрудничества?",
                "Finding and replicating best practices, developing a gold standard of cooperation?",
              ),
            },
            {
              code: "B4_Q2_P3",
              text: t("Общественная и научная дипломатия?", "Public and scientific diplomacy?") },
            {
              code: "B4_Q2_P4",
              text: t(
                "Технологии проектного управления и целевые программы сотрудничества?",
                "Project-management technologies and targeted cooperation programs?",
              ),
            },
          ],
        },
        {
          code: "B4_Q3",
          text: t(
            "Следует ли расширять евразийскую интеграцию за пределы экономической сферы? Если да, то в каких направлениях?",
            "Should Eurasian integration be expanded beyond the economic sphere? If so, in which directions?",
          ),
          probes: [
            {
              code: "B4_Q3_P1",
              text: t(
                "Как перейти от взаимодействия элит к реальной коммуникации населения?",
                "How can we move from interaction between elites to real communication between populations?",
              ),
            },
            {
              code: "B4_Q3_P2",
              text: t(
                "Какие риски несет сосредоточенность интеграции только на экономике?",
                "What risks does focusing integration on the economy alone carry?",
              ),
            },
            {
              code: "B4_Q3_P3",
              text: t(
                "Должна ли инициатива исходить «сверху» или «снизу» — от регионов, бизнеса, общественных организаций?",
                "Should the initiative come “from above” or “from below” — from regions, business, civil-society organizations?",
              ),
            },
          ],
        },
        {
          code: "B4_Q4",
          text: t(
            "Каким вы видите межрегиональное и приграничное сотрудничество в ЕАЭС через пять–десять лет?",
            "How do you see interregional and cross-border cooperation in the EAEU in five to ten years?",
          ),
          probes: [
            {
              code: "B4_Q4_P1",
              text: t("Между какими странами и регионами оно будет развиваться активнее всего?", "Between which countries and regions will it develop most actively?"),
            },
            {
              code: "B4_Q4_P2",
              text: t(
                "Какую роль должны играть Евразийская экономическая комиссия и национальные правительства?",
                "What role should the Eurasian Economic Commission and national governments play?",
              ),
            },
            {
              code: "B4_Q4_P3",
              text: t("Какие новые участники могут появиться в этом процессе?", "Which new actors might join the process?"),
            },
          ],
        },
        {
          code: "B4_Q5",
          text: t(
            "Что бы вы хотели добавить к сказанному? Какие рекомендации вы дали бы органам власти государств — членов ЕАЭС?",
            "Is there anything you would like to add? What recommendations would you give to the authorities of the EAEU member states?",
          ),
          probes: [
            {
              code: "B4_Q5_P1",
              text: t("Какие рекомендации вы дали бы региональным властям?", "What would you recommend to regional authorities?"),
            },
            {
              code: "B4_Q5_P2",
              text: t(
                "Кого еще из экспертов вы посоветовали бы пригласить к участию в исследовании?",
                "Which other experts would you suggest we invite to take part in the study?",
              ),
            },
          ],
        },
      ],
    },
  ],
};
