"use client";

import { signOut } from "next-auth/react";
import { clearOfflineCopies } from "@/components/questionnaire/offline-support";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="secondary" onClick={() => void clearOfflineCopies().then(() => signOut({ callbackUrl: "/" }))}>
      {label}
    </button>
  );
}
