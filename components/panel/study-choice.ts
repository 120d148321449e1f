/** The study a panel page works on: the one in the address if it exists, else the demo study, else the first. */
export function chooseStudy<T extends { id: string; isDemo: boolean }>(studies: T[], requested: string | string[] | undefined): T | undefined {
  const id = Array.isArray(requested) ? requested[0] : requested;
  return studies.find((s) => s.id === id) ?? studies.find((s) => s.isDemo) ?? studies[0];
}
