import { PAGES, type TPageWorld, type TRole } from "./authz-matrix";

/**
 * Every page of the app, once, with the role that sees it: the public pages (home, sign-in, an
 * invitation link, a page that does not exist) and every role page of the authorization matrix
 * (`PAGES` of e2e/authz-matrix.ts, which fails for a page missing there). One list for the page
 * crawl of the end-to-end tests (e2e/language.spec.ts: words of the page's language, fit at 1280 and
 * 360 px, axe) and for the screenshots of scripts/readme/pages.ts, which fill it from the demo study.
 */

export type TPageRole = TRole | "ANONYMOUS";

export type TListedPage = {
  role: TPageRole;
  /** The page as on disk ("/coordinator/panel/[expertId]"), for messages and file names. */
  name: string;
  /** The path to open, its [segments] filled. */
  path: string;
  /** The status the page answers with: 200 unless said (the not-found page's 404). */
  status?: number;
};

/** The objects the pages' paths name, and a fresh invitation link (`/invite/<token>`) for the invitation page. */
export type TPageObjects = TPageWorld & { invitationLink: string };

export const fill = (template: string, params: Record<string, string> = {}) =>
  template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${template}: no value for [${name}]`);
    return encodeURIComponent(value);
  });

/** Every page with its path filled from `objects`, grouped by role in the order anonymous, expert, interviewer, coordinator. */
export function everyPage(objects: TPageObjects): TListedPage[] {
  const open: TListedPage[] = [
    { role: "ANONYMOUS", name: "/", path: "/" },
    { role: "ANONYMOUS", name: "/signin", path: "/signin" },
    { role: "ANONYMOUS", name: "/invite/[token]", path: objects.invitationLink },
    { role: "ANONYMOUS", name: "/no-such-page", path: "/no-such-page", status: 404 },
  ];
  const roles: TRole[] = ["EXPERT", "INTERVIEWER", "COORDINATOR"];
  const signedIn = roles.flatMap((role) =>
    Object.entries(PAGES)
      .filter(([, rule]) => rule.role === role)
      .map(([name, rule]) => ({ role, name, path: fill(name, rule.params?.(objects)) })),
  );
  return [...open, ...signedIn];
}
