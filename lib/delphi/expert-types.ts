import type { TItemFeedback } from "@/lib/delphi/feedback";
import type { TAnswerValue } from "@/lib/instrument/answers";

/** What the expert's page receives for a Delphi round (lib/delphi/expert.ts makes it). */
export type TExpertFeedbackItem = { own: TAnswerValue | null; group: TItemFeedback | null };
export type TExpertFeedback = { round: number; realtime: boolean; items: Record<string, TExpertFeedbackItem> } | null;
