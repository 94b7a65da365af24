import type { ConfigResult } from "../core/config/load.js";
import { readTemplatesFor } from "../github/pr-check.js";
import { readRepoConfig } from "../github/read-config.js";
import type { GitHub, RepoRef } from "../github/types.js";

export interface RepoPolicy {
  config: ConfigResult;
  /** Empty when the config is invalid (nothing is evaluated then). */
  templates: string[];
}

/** Config and templates change only by a push to the default branch (which evicts them); the TTL bounds staleness. */
export const POLICY_TTL_MS = 5 * 60_000;

/**
 * Per-repository config and PR templates, so a busy PR does not re-read two files on every event. The freeze ledger
 * is never cached: a freeze must apply at once.
 */
export class PolicyCache {
  private readonly entries = new Map<string, { policy: RepoPolicy; at: number }>();

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = POLICY_TTL_MS,
  ) {}

  async get(gh: GitHub, ref: RepoRef): Promise<RepoPolicy> {
    return this.fresh(ref) ?? this.store(ref, gh, await readRepoConfig(gh, ref));
  }

  /**
   * The templates that go with a config the caller has just read itself (a command reads its config fresh): cached
   * ones when the entry is warm, else read, and the pair cached.
   */
  async templates(gh: GitHub, ref: RepoRef, config: ConfigResult): Promise<string[]> {
    return (this.fresh(ref) ?? (await this.store(ref, gh, config))).templates;
  }

  private fresh(ref: RepoRef): RepoPolicy | undefined {
    const hit = this.entries.get(keyOf(ref));
    return hit && this.now().getTime() - hit.at < this.ttlMs ? hit.policy : undefined;
  }

  private async store(ref: RepoRef, gh: GitHub, config: ConfigResult): Promise<RepoPolicy> {
    const at = this.now().getTime();
    const templates = config.ok ? await readTemplatesFor(gh, ref, config.config) : [];
    const policy = { config, templates };
    this.entries.set(keyOf(ref), { policy, at });
    return policy;
  }

  /** A push changed this repo's config or templates. */
  evict(ref: RepoRef): void {
    this.entries.delete(keyOf(ref));
  }

  /** The owner's `.github` repo changed: every repo of the owner may extend its config. */
  evictOwner(owner: string): void {
    const prefix = `${owner.toLowerCase()}/`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

const keyOf = (ref: RepoRef) => `${ref.owner}/${ref.repo}`.toLowerCase();
