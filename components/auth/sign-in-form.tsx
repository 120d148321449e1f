"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
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
      <FormAlert message={failure} />
      <TextField id="email" label={t("email")} error={errors.email ? t("emailInvalid") : null} input={{ type: "email", autoComplete: "username", ...register("email") }} />
      <TextField id="password" label={t("password")} error={errors.password ? t("passwordRequired") : null} input={{ type: "password", autoComplete: "current-password", ...register("password") }} />
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
