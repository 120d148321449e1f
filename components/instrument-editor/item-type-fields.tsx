"use client";

import { useTranslations } from "next-intl";
import type { TItemType } from "@/lib/instrument/definition";
import { BilingualField } from "./bilingual-field";
import { CheckboxField, NumberField } from "./fields";
import { MatrixRowsEditor } from "./matrix-rows-editor";
import { OptionsEditor } from "./options-editor";

type TProps = { type: TItemType; name: string; path: string; owner: string; itemCode: string };

/** The fields only some item types have: options, scale bounds, matrix rows, number limits… */
export function ItemTypeFields({ type, name, path, owner, itemCode }: TProps) {
  const t = useTranslations("editor");
  const at = (field: string) => ({ name: `${name}.${field}`, path: `${path}.${field}`, owner });
  switch (type) {
    case "single":
    case "multi":
    case "ranking":
      return (
        <>
          <OptionsEditor name={name} path={path} owner={owner} itemCode={itemCode} />
          <div className="ie-checks">
            <CheckboxField {...at("shuffle")} label={t("shuffle")} />
          </div>
          {type === "multi" && (
            <div className="ie-row">
              <NumberField {...at("minSelect")} label={t("minSelect")} optional />
              <NumberField {...at("maxSelect")} label={t("maxSelect")} optional />
            </div>
          )}
          {type === "ranking" && (
            <div className="ie-row">
              <NumberField {...at("topK")} label={t("topK")} />
            </div>
          )}
        </>
      );
    case "scale":
      return <ScaleBounds name={name} path={path} owner={owner} />;
    case "matrix":
      return (
        <>
          <ScaleBounds name={name} path={path} owner={owner} />
          <MatrixRowsEditor name={name} path={path} owner={owner} itemCode={itemCode} />
        </>
      );
    case "number":
      return (
        <>
          <div className="ie-row">
            <NumberField {...at("min")} label={t("min")} optional step="any" />
            <NumberField {...at("max")} label={t("max")} optional step="any" />
          </div>
          <div className="ie-checks">
            <CheckboxField {...at("integer")} label={t("integer")} />
          </div>
          <BilingualField {...at("unit")} field={t("f.unit")} label={t("unit")} />
        </>
      );
    case "text":
      return (
        <>
          <div className="ie-checks">
            <CheckboxField {...at("multiline")} label={t("multiline")} />
          </div>
          <div className="ie-row">
            <NumberField {...at("maxLength")} label={t("maxLength")} />
          </div>
        </>
      );
    case "display":
      return <p className="hint">{t("displayHint")}</p>;
  }
}

function ScaleBounds({ name, path, owner }: { name: string; path: string; owner: string }) {
  const t = useTranslations("editor");
  const at = (field: string) => ({ name: `${name}.${field}`, path: `${path}.${field}`, owner });
  return (
    <>
      <div className="ie-row">
        <NumberField {...at("min")} label={t("min")} />
        <NumberField {...at("max")} label={t("max")} />
      </div>
      <BilingualField {...at("minLabel")} field={t("f.minLabel")} label={t("minLabel")} />
      <BilingualField {...at("maxLabel")} field={t("f.maxLabel")} label={t("maxLabel")} />
      <div className="ie-checks">
        <CheckboxField {...at("cannotAssess")} label={t("cannotAssess")} />
      </div>
    </>
  );
}
