import { ZQuestionnaire, type TQuestionnaire } from "@/lib/instrument/definition";

/**
 * Published versions never change, so each process parses a version's definition once. This is a
 * cache of immutable data, not shared state: every instance may hold its own copy.
 */
const cache = new Map<string, TQuestionnaire>();

export function cachedQuestionnaire(versionId: string): TQuestionnaire | undefined {
  return cache.get(versionId);
}

export function publishedQuestionnaire(versionId: string, content: unknown): TQuestionnaire {
  let definition = cache.get(versionId);
  if (!definition) {
    definition = ZQuestionnaire.parse(content);
    if (cache.size > 200) cache.clear();
    cache.set(versionId, definition);
  }
  return definition;
}
