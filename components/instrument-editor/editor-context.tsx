"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { TProblem } from "@/lib/instrument/check";

type TEditorContext = {
  /** A published version is shown, not edited: no add / move / remove / confirm buttons. */
  readOnly: boolean;
  /** The last problems reported by the server, by path (`sections[0].items[1].text`). */
  problems: ReadonlyMap<string, TProblem[]>;
};

const EditorContext = createContext<TEditorContext>({ readOnly: false, problems: new Map() });

export const EditorContextProvider = EditorContext.Provider;

export function useEditor(): TEditorContext {
  return useContext(EditorContext);
}

export function groupProblems(problems: TProblem[]): Map<string, TProblem[]> {
  const map = new Map<string, TProblem[]>();
  for (const p of problems) map.set(p.path, [...(map.get(p.path) ?? []), p]);
  return map;
}

/** The server's messages for exactly this path, shown under the field it concerns. */
export function FieldProblems({ path, id }: { path: string; id?: string }) {
  const { problems } = useEditor();
  const list = problems.get(path);
  if (!list?.length) return null;
  return (
    <ul className="ie-field-problems" id={id}>
      {list.map((p, i) => (
        <li key={i} className="field-error">
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** Whether the server reported a problem at this path (for aria-invalid). */
export function useHasProblem(path: string): boolean {
  return (useEditor().problems.get(path)?.length ?? 0) > 0;
}

const noSubscribe = () => () => {};

/**
 * False in the server render and during hydration, true afterwards: the form stays disabled until
 * React owns it, so nothing typed before hydration is lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
