import { z } from "zod";

/** What opening a wave takes (lib/instrument/wave-admin.ts), shared with its route's contract. */
export const ZOpenWave = z.object({
  instrumentId: z.uuid(),
  /** A plain wave only: a Delphi round is planned with its rules, then opened (lib/delphi/rounds.ts). */
  kind: z.literal("WAVE").default("WAVE"),
  audience: z.enum(["PANEL", "PREVIOUS_COMPLETED"]).default("PANEL"),
  /** The version it asks; absent: the latest published one when each expert starts. */
  versionId: z.uuid().nullish(),
  /** The items it asks; empty: every item. */
  itemCodes: z.array(z.string().trim().min(1).max(100)).max(1_000).default([]),
  /** An ISO date-time, in the future. */
  closesAt: z.iso.datetime({ offset: true }).nullish(),
});
export type TOpenWaveInput = z.input<typeof ZOpenWave>;

export const ZWaveIdParams = z.object({ waveId: z.uuid() });
/**
 * The HTTP body of "open a wave" (the instrument is the route's). It names the kind: opening a wave
 * ends the open one for the whole panel, so an empty body is refused rather than taken for defaults.
 */
export const ZOpenWaveBody = ZOpenWave.omit({ instrumentId: true }).extend({ kind: z.literal("WAVE") });
