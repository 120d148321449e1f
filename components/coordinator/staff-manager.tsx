"use client";

import { useTranslations } from "next-intl";
import { OutcomeAlert } from "@/components/forms/form-alert";
import { LanguageSelect } from "@/components/forms/language-select";
import { TextField } from "@/components/forms/text-field";
import { useApiForm } from "@/components/forms/use-api-form";
import { api } from "@/lib/api/client";
import { ZCreateStaffUser, type TCreateStaffUser } from "@/lib/users/schemas";
import { DataTable } from "@/components/ui/data-table";

type TStaffRow = { id: string; name: string; email: string; role: "COORDINATOR" | "INTERVIEWER"; disabled: boolean };

export function StaffManager({ users, currentUserId }: { users: TStaffRow[]; currentUserId: string }) {
  const t = useTranslations("coordinator");
  const common = useTranslations("common");
  const { form, outcome, report, submitWith } = useApiForm<TCreateStaffUser>(ZCreateStaffUser, { role: "INTERVIEWER", language: "ru" });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;

  const onCreate = submitWith((values) => api("POST /api/coordinator/users", { body: values }), {
    onSuccess: () => {
      form.reset();
      return t("created");
    },
  });

  const change = async (id: string, patch: { role?: TStaffRow["role"]; disabled?: boolean }) =>
    report(await api("PATCH /api/coordinator/users/[id]", { params: { id }, body: patch }), null);

  return (
    <div className="stack">
      <OutcomeAlert outcome={outcome} />
      <DataTable columns={[t("name"), t("email"), t("role"), t("status"), t("actions")]}>
        {users.map((u) => (
          <tr key={u.id} data-testid={`staff-${u.email}`}>
            <td>{u.name}</td>
            <td>{u.email}</td>
            <td>{common(`roles.${u.role}`)}</td>
            <td>{u.disabled ? t("disabled") : t("active")}</td>
            <td>
              {u.id !== currentUserId && (
                <div className="row-actions">
                  <button type="button" className="secondary" onClick={() => change(u.id, { role: u.role === "COORDINATOR" ? "INTERVIEWER" : "COORDINATOR" })}>
                    {u.role === "COORDINATOR" ? t("makeInterviewer") : t("makeCoordinator")}
                  </button>
                  <button type="button" className="secondary" onClick={() => change(u.id, { disabled: !u.disabled })}>
                    {u.disabled ? t("enable") : t("disable")}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <form className="card stack" onSubmit={onCreate} noValidate aria-labelledby="create-account-title">
        <h3 id="create-account-title" style={{ margin: 0 }}>
          {t("create")}
        </h3>
        <div className="grid-2">
          <TextField id="new-name" label={t("name")} error={errors.name ? t("nameRequired") : null} input={{ autoComplete: "off", ...register("name") }} />
          <TextField id="new-email" label={t("email")} error={errors.email ? t("emailInvalid") : null} input={{ type: "email", autoComplete: "off", ...register("email") }} />
          <div>
            <label htmlFor="new-role">{t("role")}</label>
            <select id="new-role" {...register("role")}>
              <option value="INTERVIEWER">{common("roles.INTERVIEWER")}</option>
              <option value="COORDINATOR">{common("roles.COORDINATOR")}</option>
            </select>
          </div>
          <LanguageSelect id="new-language" label={t("language")} select={register("language")} />
          <div>
            <label htmlFor="new-password">{t("password")}</label>
            <input id="new-password" type="password" autoComplete="new-password" aria-invalid={Boolean(errors.password)} aria-describedby="new-password-hint" {...register("password")} />
            <p id="new-password-hint" className={errors.password ? "field-error" : "hint"}>
              {errors.password ? t("passwordShort") : t("passwordHint")}
            </p>
          </div>
        </div>
        <div>
          <button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("creating") : t("create")}
          </button>
        </div>
      </form>
    </div>
  );
}
