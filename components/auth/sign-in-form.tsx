"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ZPasswordSignIn, type TPasswordSignIn } from "@/lib/auth/schemas";

export function SignInForm({ returnTo }: { returnTo?: string }) {
  const t = useTranslations("signin");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TPasswordSignIn>({ resolver: zodResolver(ZPasswordSignIn) });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("password", { ...values, redirect: false });
    if (!result || result.error) {
      setFailure(result?.error === "throttled" ? t("throttled") : t("failed"));
      return;
    }
    router.replace(returnTo ?? "/");
    router.refresh();
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {failure && (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <div>
        <label htmlFor="email">{t("email")}</label>
        <input id="email" type="email" autoComplete="username" aria-invalid={Boolean(errors.email)} aria-describedby={errors.email ? "email-error" : undefined} {...register("email")} />
        {errors.email && (
          <p id="email-error" className="field-error">
            {t("emailInvalid")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password">{t("password")}</label>
        <input id="password" type="password" autoComplete="current-password" aria-invalid={Boolean(errors.password)} aria-describedby={errors.password ? "password-error" : undefined} {...register("password")} />
        {errors.password && (
          <p id="password-error" className="field-error">
            {t("passwordRequired")}
          </p>
        )}
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
