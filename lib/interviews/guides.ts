import { ZGuide, type TGuide } from "@/lib/instrument/definition";

export type TGuideQuestion = TGuide["blocks"][number]["questions"][number];

/** A parsed guide with its main questions indexed by code, in guide order. */
export type TPublishedGuide = {
  definition: TGuide;
  questions: Map<string, { blockCode: string; order: number; probes: Set<string>; question: TGuideQuestion }>;
};

/**
 * Published versions never change, so each process parses a guide once (as
 * lib/responses/definitions.ts does for questionnaires). A cache of immutable data, not shared state.
 */
const cache = new Map<string, TPublishedGuide>();

export function publishedGuide(versionId: string, content: unknown): TPublishedGuide {
  let guide = cache.get(versionId);
  if (!guide) {
    const definition = ZGuide.parse(content);
    const questions: TPublishedGuide["questions"] = new Map();
    let order = 0;
    for (const block of definition.blocks) {
      for (const question of block.questions) {
        questions.set(question.code, { blockCode: block.code, order: order++, probes: new Set(question.probes.map((p) => p.code)), question });
      }
    }
    guide = { definition, questions };
    if (cache.size > 200) cache.clear();
    cache.set(versionId, guide);
  }
  return guide;
}
