import { getTranslations } from "next-intl/server";

export type TWaveOption = { number: number; kind: "WAVE" | "DELPHI_ROUND"; status?: "PLANNED" | "OPEN" | "CLOSED" };

/** "Wave 2" or "Round 3", with "(open)" for the one experts answer now. */
export async function waveName(w: TWaveOption): Promise<string> {
  const t = await getTranslations("common");
  const name = w.kind === "DELPHI_ROUND" ? t("roundN", { n: w.number }) : t("waveN", { n: w.number });
  return w.status === "OPEN" ? `${name} (${t("waveOpenNow")})` : name;
}

/**
 * The wave a coordinator page shows: a plain GET form (it works without JavaScript) keeping the
 * study, shown only when the questionnaire has more than one wave. `all`: offers every wave at once
 * (exports).
 */
export async function WavePicker({
  action,
  studyId,
  waves,
  current,
  all = false,
}: {
  action: string;
  studyId: string;
  waves: TWaveOption[];
  current: number | "all";
  all?: boolean;
}) {
  const t = await getTranslations("common");
  if (waves.length < 2) return null;
  const id = `wave-${action.replace(/\W+/g, "-")}`;
  const names = await Promise.all(waves.map(waveName));
  return (
    <form method="get" action={action} className="row-actions" style={{ alignItems: "end", marginBottom: "1rem" }}>
      <input type="hidden" name="study" value={studyId} />
      <div style={{ flex: "1 1 16rem" }}>
        <label htmlFor={id}>{t("wave")}</label>
        <select id={id} name="wave" defaultValue={String(current)}>
          {waves.map((w, i) => (
            <option key={w.number} value={w.number}>
              {names[i]}
            </option>
          ))}
          {all && <option value="all">{t("allWaves")}</option>}
        </select>
      </div>
      <button type="submit">{t("showWave")}</button>
    </form>
  );
}
