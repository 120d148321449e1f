"use client";

import { clearOfflineCopies } from "@/components/questionnaire/offline-support";

/**
 * Signs out through next-auth's own endpoint (CSRF token first, then the POST), as next-auth/react's
 * `signOut` does, without loading that library on every page. A full page load follows, so nothing
 * of the session stays in memory. next-auth's endpoints are its own (form posts, not JSON contracts),
 * so this is the one caller of an API route outside lib/api/client.ts (besides the autosave queues).
 */
async function signOut(callbackUrl: string): Promise<void> {
  await clearOfflineCopies();
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
    const { url } = (await res.json()) as { url?: string };
    window.location.assign(url ?? callbackUrl);
  } catch {
    // Not signed out (no connection, or an error page): next-auth's own sign-out page asks again.
    window.location.assign(new URL("/api/auth/signout", window.location.origin));
  }
}

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="secondary" onClick={() => void signOut("/")}>
      {label}
    </button>
  );
}
