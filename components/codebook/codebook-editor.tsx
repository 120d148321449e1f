"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { api, type TApiResult } from "@/lib/api/client";
import { flattenTree, type TCodeNode } from "@/lib/codebook/tree";
import "@/components/interview/interview.css";
import { CodeForm, EMPTY_CODE, type TCodeForm, type TResult } from "./code-form";
import { codeName } from "./code-picker";
import { OutcomeAlert, type TOutcome } from "@/components/forms/form-alert";

function countBelow(node: TCodeNode): number {
  return node.children.reduce((n, c) => n + 1 + countBelow(c), 0);
}

/** The study's codebook as an editable tree: add sub-codes, edit names and descriptions in both languages, move, delete. */
export function CodebookEditor({ studyId, initial }: { studyId: string; initial: TCodeNode[] }) {
  const t = useTranslations("codebook");
  const locale = useLocale();
  const common = useTranslations("common");
  const [codes, setCodes] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [message, setMessage] = useState<TOutcome | null>(null);
  const flat = flattenTree(codes);

  const reload = async () => {
    const res = await api("GET /api/coordinator/studies/[studyId]/codes", { params: { studyId } });
    if (res.ok) setCodes(res.data.codes);
  };

  /** A duplicate code and a move below itself are the form's own field errors; anything else is a message. */
  const outcome = (res: TApiResult<unknown>): TResult => {
    if (res.ok) return { ok: true };
    if (res.error.status === 409) return { ok: false, field: "code", message: "duplicate" };
    if (res.error.status === 400 && res.error.fields[0]?.message === "cycle") return { ok: false, field: "parentId", message: "cycle" };
    return { ok: false, message: res.error.message ?? common("unexpectedError") };
  };

  const payload = (v: TCodeForm) => ({ code: v.code, parentId: v.parentId || null, nameRu: v.nameRu, nameEn: v.nameEn, descriptionRu: v.descriptionRu, descriptionEn: v.descriptionEn });

  const create = async (values: TCodeForm) => {
    const result = outcome(await api("POST /api/coordinator/studies/[studyId]/codes", { params: { studyId }, body: payload(values) }));
    if (result.ok) {
      setAdding(null);
      setMessage({ kind: "success", text: t("created", { code: values.code }) });
      await reload();
    }
    return result;
  };

  const update = async (codeId: string, values: TCodeForm) => {
    const result = outcome(await api("PATCH /api/coordinator/codes/[codeId]", { params: { codeId }, body: payload(values) }));
    if (result.ok) {
      setEditing(null);
      setMessage({ kind: "success", text: t("saved", { code: values.code }) });
      await reload();
    }
    return result;
  };

  const remove = async (node: TCodeNode) => {
    const result = outcome(await api("DELETE /api/coordinator/codes/[codeId]", { params: { codeId: node.id } }));
    setDeleting(null);
    setMessage(result.ok ? { kind: "success", text: t("deleted", { code: node.code }) } : { kind: "error", text: result.message });
    await reload();
  };

  /** Codes a node may be moved under: any but itself and the codes below it. */
  const parentsFor = (node?: TCodeNode) => {
    const below = new Set(node ? flattenTree([node]).map((f) => f.node.id) : []);
    return flat.filter((f) => !below.has(f.node.id)).map((f) => ({ id: f.node.id, depth: f.depth, label: `${f.node.code} — ${codeName(f.node, locale)}` }));
  };

  const renderNodes = (nodes: TCodeNode[], parentId: string | null) => (
    <ul className="cb-tree-level">
      {nodes.map((node) => {
        const below = countBelow(node);
        return (
          <li key={node.id} className="cb-node" data-testid={`code-${node.code}`}>
            {editing === node.id ? (
              <CodeForm
                legend={t("editLegend", { code: node.code })}
                initial={{ code: node.code, parentId: parentId ?? "", nameRu: node.nameRu, nameEn: node.nameEn, descriptionRu: node.descriptionRu, descriptionEn: node.descriptionEn }}
                parents={parentsFor(node)}
                onSubmit={(v) => update(node.id, v)}
                onCancel={() => setEditing(null)}
                submitLabel={t("save")}
              />
            ) : (
              <div className="cb-card">
                <div className="cb-head">
                  <span className="cb-code">{node.code}</span>
                  {below > 0 && <span className="muted">{t("subcodes", { count: below })}</span>}
                </div>
                <div className="cb-names">
                  <p lang="ru">
                    <span className="iv-sr">{t("nameRu")}: </span>
                    {node.nameRu}
                  </p>
                  <p lang="en">
                    <span className="iv-sr">{t("nameEn")}: </span>
                    {node.nameEn}
                  </p>
                  {(node.descriptionRu || node.descriptionEn) && (
                    <>
                      <p lang="ru" className="cb-desc">
                        {node.descriptionRu}
                      </p>
                      <p lang="en" className="cb-desc">
                        {node.descriptionEn}
                      </p>
                    </>
                  )}
                </div>
                <div className="row-actions">
                  <button type="button" className="secondary" onClick={() => setEditing(node.id)} aria-label={t("editLabel", { code: node.code })}>
                    {t("edit")}
                  </button>
                  <button type="button" className="secondary" onClick={() => setAdding(node.id)} aria-label={t("addChildLabel", { code: node.code })}>
                    {t("addChild")}
                  </button>
                  {deleting === node.id ? (
                    <>
                      <button type="button" className="secondary iv-danger" onClick={() => void remove(node)}>
                        {t("confirmDelete")}
                      </button>
                      <button type="button" className="secondary" onClick={() => setDeleting(null)}>
                        {t("keep")}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="secondary iv-danger" onClick={() => setDeleting(node.id)} aria-label={t("deleteLabel", { code: node.code })}>
                      {t("delete")}
                    </button>
                  )}
                </div>
                {deleting === node.id && (
                  <p className="alert" role="alert">
                    {t("deleteWarning", { code: node.code, count: below })}
                  </p>
                )}
              </div>
            )}
            {adding === node.id && (
              <CodeForm
                legend={t("addChildLegend", { code: node.code })}
                initial={{ ...EMPTY_CODE, parentId: node.id }}
                parents={parentsFor()}
                onSubmit={create}
                onCancel={() => setAdding(null)}
                submitLabel={t("add")}
              />
            )}
            {node.children.length > 0 && renderNodes(node.children, node.id)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="cb stack">
      <OutcomeAlert outcome={message} />
      {codes.length === 0 ? <p className="card muted">{t("empty")}</p> : <div className="cb-tree">{renderNodes(codes, null)}</div>}
      <CodeForm legend={t("addRoot")} initial={EMPTY_CODE} parents={parentsFor()} onSubmit={create} submitLabel={t("add")} />
    </div>
  );
}
