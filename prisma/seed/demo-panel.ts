import type { ExpertStatus, ExpertTrack } from "@/lib/generated/prisma/enums";
import { CRITERION_KEYS, type TVettingChecklist } from "@/lib/panel/vetting";

/**
 * The demo panel's synthetic people (never real), one per country × group in the seed's order:
 * RU, BY, KZ, AM, KG, each with a scientist, an official, a business person and an NGO leader.
 */
export const DEMO_PEOPLE = [
  ["Irina Sokolova", "Institute of Economics, Russian Academy of Sciences", "Leading researcher", "Doctor of Economics", 46, 22, "Member of the Eurasian Integration Research Council"],
  ["Andrei Morozov", "Ministry of Economic Development, Pskov region", "Head of the cross-border cooperation unit", "", 3, 14, ""],
  ["Dmitry Kuznetsov", "Volga Logistics Group", "Managing director", "MBA", 0, 18, "Board member, regional chamber of commerce"],
  ["Elena Vasilieva", "Centre for Eurasian Partnership (NGO)", "Chair", "PhD (Political Science)", 12, 11, "Chair of the board"],
  ["Alexei Belov", "Belarusian State University", "Associate professor", "PhD (Economics)", 31, 17, "Editorial board, journal of regional studies"],
  ["Natalia Kovalenko", "Gomel Regional Executive Committee", "Deputy head, foreign economic relations", "", 2, 12, ""],
  ["Sergei Zhuk", "BelAgroTrade", "Commercial director", "", 0, 20, "Member of the Belarus–Russia business council"],
  ["Olga Marchenko", "Eurasian Youth Forum (NGO)", "Executive director", "MA (International Relations)", 5, 9, "Founder and director"],
  ["Aigerim Nurlanova", "Kazakhstan Institute for Strategic Studies", "Chief researcher", "PhD (Economics)", 28, 15, "Expert council of the Eurasian Economic Commission"],
  ["Yerlan Abenov", "Akimat of the North Kazakhstan region", "Head of the investment department", "", 1, 16, ""],
  ["Timur Sadykov", "Caspian Transit LLP", "Founder", "", 0, 13, "Board member, Atameken chamber (regional branch)"],
  ["Saule Dzhaksybekova", "Association of Border Regions (NGO)", "President", "Candidate of Sciences (Sociology)", 9, 19, "President of the association"],
  ["Armen Hovhannisyan", "Yerevan State University", "Professor", "Doctor of Economics", 52, 25, "Scientific council on Eurasian integration"],
  ["Lilit Grigoryan", "Ministry of Territorial Administration, Armenia", "Senior adviser", "", 4, 10, ""],
  ["Gevorg Petrosyan", "Ararat Export Union", "Chief executive", "", 0, 15, "Member of the EAEU Business Council working group"],
  ["Anahit Sargsyan", "Eurasia Dialogue Foundation (NGO)", "Programme director", "PhD (Sociology)", 8, 8, "Board member"],
  ["Bakyt Toktogulov", "Kyrgyz-Russian Slavic University", "Head of department", "PhD (Economics)", 24, 14, ""],
  ["Aida Asanova", "Osh regional administration", "Head of external relations", "", 0, 6, ""],
  ["Nurbek Usenov", "Tian Shan Trade House", "Director", "", 0, 9, ""],
  ["Cholpon Djumabaeva", "Civic Initiative for Cross-Border Cooperation (NGO)", "Founder", "MA (Public Policy)", 3, 7, "Founder and chair"],
] as const;

/**
 * Most demo experts are invited (the demo expert's flow starts from an invitation); a few show the
 * earlier stages of the lifecycle: 17 and 20 nominated, 18 vetted, 19 rejected.
 */
export function demoStatus(n: number): ExpertStatus {
  return ({ 17: "NOMINATED", 18: "VETTED", 19: "REJECTED", 20: "NOMINATED" } as Record<number, ExpertStatus>)[n] ?? "INVITED";
}

/** About half interviewed, as in the paper (53 questionnaires, 50 interviews), a few doing both. */
export function demoTrack(n: number): ExpertTrack {
  return n % 5 === 0 ? "BOTH" : n % 2 === 0 ? "INTERVIEW" : "QUESTIONNAIRE";
}

/** The checklist a demo expert was vetted (or rejected) on. */
export function demoChecklist(status: ExpertStatus, person: (typeof DEMO_PEOPLE)[number]): TVettingChecklist {
  const notes: Record<(typeof CRITERION_KEYS)[number], string> = {
    degreePublications: person[3] ? `${person[3]}; ${person[4]} publications` : `${person[4]} publications`,
    expertExperience: `${person[5]} years of work on cross-border cooperation`,
    eurasianLeadership: status === "REJECTED" ? "No role in organisations active in Eurasian integration" : person[6] || `Works at ${person[1]}`,
  };
  // Nominated experts are not reviewed yet; the rejected one fails the leadership criterion.
  const met = (k: (typeof CRITERION_KEYS)[number]) => status !== "NOMINATED" && !(status === "REJECTED" && k === "eurasianLeadership");
  return Object.fromEntries(CRITERION_KEYS.map((k) => [k, { met: met(k), note: status === "NOMINATED" ? "" : notes[k] }])) as TVettingChecklist;
}
