import { type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";

/** The scheduled work that must happen once cluster-wide and survive the loss of any replica. */
export type JobName = "sweep" | "boundary" | "deployment";
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/**
 * Timers that outlive the process: in one process they are plain timers (the App rebuilds them from GitHub at start);
 * with replicas they are BullMQ jobs in Redis, so each fires once, on whichever replica is alive.
 */
export interface DurableJobs {
  /**
   * Run `name` at `at`, as the caller's clock (`now`) tells time (the deploy gate follows GitHub's clock when the
   * host's is off); a second call with the same `id` and time while the first waits is the same job.
   */
  at(name: JobName, id: string, data: Record<string, unknown>, at: Date, now: Date): Promise<void>;
  /** Run `name` every `ms`, once per period cluster-wide. */
  every(name: JobName, ms: number): Promise<void>;
  /** What to do when a job of `name` fires. */
  handle(name: JobName, handler: JobHandler): void;
  close(): Promise<void>;
}

const QUEUE = "jobs";

/** BullMQ on the App's Redis, namespaced by the prefix. */
export class BullJobs implements DurableJobs {
  private readonly queue: Queue;
  private readonly worker: Worker;
  private readonly handlers = new Map<JobName, JobHandler>();

  constructor(redis: Redis, prefix: string, onError: (message: string) => void) {
    // BullMQ's blocking worker needs its own connections, which never give up on a request.
    const connection = () => redis.duplicate({ maxRetriesPerRequest: null, lazyConnect: false });
    this.queue = new Queue(QUEUE, { connection: connection(), prefix });
    this.worker = new Worker(QUEUE, (job: Job) => this.run(job), {
      connection: connection(),
      prefix,
      concurrency: 8,
    });
    this.worker.on("failed", (job, error) => onError(`job ${job?.name} ${job?.id} failed: ${error.message}`));
    this.worker.on("error", (error) => onError(`job worker: ${error.message}`));
  }

  async at(name: JobName, id: string, data: Record<string, unknown>, at: Date, now: Date): Promise<void> {
    await this.queue.add(name, data, {
      jobId: jobId(name, id, at),
      delay: Math.max(0, at.getTime() - now.getTime()),
      // A failed job is retried with back-off; the sweep catches whatever still slips through.
      attempts: 5,
      backoff: { type: "exponential", delay: 30_000 },
      removeOnComplete: true,
      removeOnFail: 1_000,
    });
  }

  async every(name: JobName, ms: number): Promise<void> {
    await this.queue.upsertJobScheduler(name, { every: ms }, { name, data: {} });
  }

  handle(name: JobName, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    await handler(job.data as Record<string, unknown>);
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }
}

/** BullMQ job ids may not contain ":"; the due time is part of the id, so a moved boundary is a new job. */
export function jobId(name: JobName, id: string, at: Date): string {
  return `${name}|${id}|${at.getTime()}`.replace(/:/g, ";");
}
