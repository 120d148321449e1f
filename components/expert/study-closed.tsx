import { getTranslations } from "next-intl/server";

/**
 * What an expert sees instead of the consent or the questionnaire once the study is closed, or, while
 * the study goes on, once their wave (round) is: a message, not an error. `wave`: the expert's wave
 * when only it is closed.
 */
export async function StudyClosed({ wave = null }: { wave?: { number: number; kind: "WAVE" | "DELPHI_ROUND" } | null }) {
  const t = await getTranslations("studies");
  return (
    <div className="card stack" style={{ maxWidth: "44rem", margin: "0 auto" }}>
      <h1>{wave ? t(wave.kind === "DELPHI_ROUND" ? "roundClosedTitle" : "waveClosedTitle", { n: wave.number }) : t("closedTitle")}</h1>
      <p>{wave ? t("waveClosedBody") : t("closedBody")}</p>
    </div>
  );
}
