import type { Config } from "../core/config/schema.js";
import { isBotAccount } from "../core/policy/skip.js";
import type { GitHub, RepoRef } from "./types.js";

export type CommandRule = Config["commands"]["freeze"];

export interface Authority {
  allowed: boolean;
  /** The user's repository permission: admin, maintain, write, triage, read or none. */
  permission: string;
  /** Why, for logs and the refusal reply. */
  reason: string;
}

/** Repository roles from weakest to strongest. */
const RANKS = ["none", "read", "triage", "write", "maintain", "admin"] as const;

function rank(permission: string): number {
  const i = RANKS.indexOf(permission as (typeof RANKS)[number]);
  return Math.max(i, 0);
}

/**
 * May `login` use /freeze, /unfreeze and /override here? Yes with at least `rule.permission` on the repository, or
 * as an active member of one of `rule.teams` (in the repository owner's org). Bots never may. One request, plus one
 * per team tried when the permission is not enough.
 */
export async function checkAuthority(
  gh: GitHub,
  ref: RepoRef,
  login: string,
  userType: string,
  rule: CommandRule,
): Promise<Authority> {
  if (isBotAccount(login, userType))
    return { allowed: false, permission: "none", reason: "bots may not use commands" };
  const permission = await repositoryPermission(gh, ref, login);
  if (rank(permission) >= rank(rule.permission)) {
    return { allowed: true, permission, reason: `@${login} has ${permission} permission` };
  }
  for (const team of rule.teams) {
    const { org, slug } = teamOf(ref, team);
    if (await isActiveTeamMember(gh, org, slug, login)) {
      return { allowed: true, permission, reason: `@${login} is a member of team ${org}/${slug}` };
    }
  }
  return {
    allowed: false,
    permission,
    reason: `@${login} has ${permission === "none" ? "no" : permission} permission; only ${whoMay(ref, rule)} may`,
  };
}

/** Who may use the commands: "users with maintain permission or higher, or members of @acme/release-managers". */
/** "you have triage permission here" / "you have no permission here", for refusal replies. */
export function yourPermission(authority: Authority): string {
  return `you have ${authority.permission === "none" ? "no" : authority.permission} permission here`;
}

export function whoMay(ref: RepoRef, rule: CommandRule): string {
  const role = rule.permission === "admin" ? "admin permission" : `${rule.permission} permission or higher`;
  const teams = rule.teams.map((t) => {
    const { org, slug } = teamOf(ref, t);
    return `@${org}/${slug}`;
  });
  return teams.length === 0 ? `users with ${role}` : `users with ${role}, or members of ${teams.join(", ")}`;
}

async function repositoryPermission(gh: GitHub, ref: RepoRef, login: string): Promise<string> {
  try {
    const { data } = await gh.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
      ...ref,
      username: login,
    });
    // role_name distinguishes maintain and triage; `permission` folds them into write and read.
    const role = (data as { role_name?: string }).role_name;
    return role && rank(role) > 0 ? role : data.permission;
  } catch (error) {
    if (statusOf(error) === 404) return "none";
    throw error;
  }
}

/** A configured team: "slug" (in the repository owner's org) or "org/slug". */
function teamOf(ref: RepoRef, team: string): { org: string; slug: string } {
  const at = team.replace(/^@/, "");
  const slash = at.indexOf("/");
  return slash < 0 ? { org: ref.owner, slug: at } : { org: at.slice(0, slash), slug: at.slice(slash + 1) };
}

async function isActiveTeamMember(gh: GitHub, org: string, slug: string, login: string): Promise<boolean> {
  try {
    const { data } = await gh.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", {
      org,
      team_slug: slug,
      username: login,
    });
    return data.state === "active";
  } catch (error) {
    // 404: not a member, no such team, or the owner is a user account without teams.
    if (statusOf(error) === 404) return false;
    throw error;
  }
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}
