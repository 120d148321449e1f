/** A form's or an action's outcome above it: an error is announced at once (role alert), a success politely (role status). */
export function FormAlert({ message, kind = "error" }: { message: string | null | undefined; kind?: "error" | "success" }) {
  if (!message) return null;
  return (
    <p className={`alert ${kind}`} role={kind === "error" ? "alert" : "status"}>
      {message}
    </p>
  );
}
