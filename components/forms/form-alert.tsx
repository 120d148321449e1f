/** What became of a form's submission or an action, for the alert that reports it. */
export type TOutcome = { kind: "error" | "success"; text: string };

/** A form's or an action's outcome above it: an error is announced at once (role alert), a success politely (role status). */
export function FormAlert({ message, kind = "error" }: { message: string | null | undefined; kind?: TOutcome["kind"] }) {
  if (!message) return null;
  return (
    <p className={`alert ${kind}`} role={kind === "error" ? "alert" : "status"}>
      {message}
    </p>
  );
}

/** The same for an outcome kept as `{ kind, text }`; nothing while there is none. */
export function OutcomeAlert({ outcome }: { outcome: TOutcome | null }) {
  return <FormAlert message={outcome?.text} kind={outcome?.kind} />;
}
