import type { Context, Probot } from "probot";

/** How many delivery ids one process remembers: hours of traffic for a busy installation, a few hundred KB. */
export const REMEMBERED_DELIVERIES = 10_000;

/**
 * The webhook deliveries this process has taken (`X-GitHub-Delivery`), oldest forgotten first. GitHub keeps a
 * delivery's id when it is redelivered, so a redelivery — by hand, or by a proxy retrying — is recognised and not
 * acted on again. Memory only: after a restart, what GitHub holds decides (a command comment carries change-gate's
 * 👀 once handled; check runs are compared before they are written).
 */
export class DeliveryLog {
  private readonly taken = new Set<string>();

  constructor(private readonly max = REMEMBERED_DELIVERIES) {}

  /** True the first time `key` is seen (it is remembered from then on), false for a repeat. */
  take(key: string): boolean {
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    if (this.taken.size > this.max) this.taken.delete(this.taken.values().next().value!);
    return true;
  }

  /** Forget `key`: its handling failed, so a redelivery may try again. */
  release(key: string): void {
    this.taken.delete(key);
  }
}

/**
 * `app` whose handlers each run once per delivery: a repeated delivery id is logged and skipped. A handler that
 * throws releases the id (GitHub was answered with an error; redelivering is how to retry).
 */
export function oncePerDelivery(app: Probot, deliveries: DeliveryLog): Probot {
  let registrations = 0;
  const on = (events: never, handler: (context: Context) => Promise<void>) => {
    const registration = ++registrations;
    app.on(events, async (context: Context) => {
      const key = `${registration}:${context.id}`;
      if (!deliveries.take(key)) {
        context.log.info(
          { delivery: context.id, event: context.name },
          "change-gate skipped a delivery it has already acted on",
        );
        return;
      }
      try {
        await handler(context);
      } catch (error) {
        deliveries.release(key);
        throw error;
      }
    });
  };
  return Object.assign(Object.create(app) as Probot, { on: on as unknown as Probot["on"] });
}
