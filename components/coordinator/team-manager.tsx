"use client";

import { useTranslations } from "next-intl";
import { OutcomeAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useApiForm } from "@/components/forms/use-api-form";
import { api } from "@/lib/api/client";
import { ZAddMember, type TAddMember } from "@/lib/study/schemas";
import { DataTable } from "@/components/ui/data-table";

type TMember = { userId: string; name: string; email: string; role: "COORDINATOR" | "INTERVIEWER"; disabled: boolean };

/** A study's team: who is on it and as what; coordinators add existing staff accounts by e-mail and remove members. */
export function TeamManager({ studyId, members, readOnly }: { studyId: string; members: TMember[]; readOnly: boolean }) {
  const t = useTranslations("studies");
  const common = useTranslations("common");
  const { form, outcome, report, submitWith } = useApiForm<TAddMember>(ZAddMember, { email: "", role: "INTERVIEWER" });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;

  const onAdd = submitWith((values) => api("POST /api/coordinator/studies/[studyId]/members", { params: { studyId }, body: values }), {
    onSuccess: () => {
      form.reset();
      return t("memberAdded");
    },
  });

  const remove = async (userId: string) =>
    report(await api("DELETE /api/coordinator/studies/[studyId]/members/[userId]", { params: { studyId, userId } }), t("memberRemoved"));

  return (
    <div className="stack">
      <OutcomeAlert outcome={outcome} />
      <DataTable columns={[t("fields.name"), t("fields.email"), t("fields.role"), !readOnly && t("actions")]} caption={t("teamCaption")}>
        {members.map((m) => (
          <tr key={m.userId} data-testid={`member-${m.email}`}>
            <td>
              {m.name}
              {m.disabled ? <span className="muted"> ({t("disabledAccount")})</span> : null}
            </td>
            <td>{m.email}</td>
            <td>{common(`roles.${m.role}`)}</td>
            {!readOnly && (
              <td>
                <button type="button" className="secondary" onClick={() => remove(m.userId)} aria-label={t("removeMember", { name: m.name })}>
                  {t("remove")}
                </button>
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      {!readOnly && (
        <form className="card stack" onSubmit={onAdd} noValidate aria-labelledby="add-member-title">
          <h3 id="add-member-title" style={{ margin: 0 }}>
            {t("addMember")}
          </h3>
          <p className="hint">{t("addMemberHint")}</p>
          <div className="grid-2">
            <TextField id="member-email" label={t("fields.email")} error={errors.email ? t("errors.email") : null} input={{ type: "email", autoComplete: "off", ...register("email") }} />
            <div>
              <label htmlFor="member-role">{t("fields.role")}</label>
              <select id="member-role" {...register("role")}>
                <option value="INTERVIEWER">{common("roles.INTERVIEWER")}</option>
                <option value="COORDINATOR">{common("roles.COORDINATOR")}</option>
              </select>
            </div>
          </div>
          <div>
            <button type="submit" disabled={isSubmitting}>
              {t("addMember")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
