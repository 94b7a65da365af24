// One `node dist/app.js` for the load test: started against the loopback API, signed deliveries, peak RSS.
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";

export const SECRET = "load-test-secret";
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PEM = privateKey.export({ type: "pkcs1", format: "pem" }).toString();

export interface AppProcess {
  child: ChildProcess;
  port: number;
  /** Peak resident memory so far (MB, VmHWM). */
  rss(): number;
  stop(signal?: NodeJS.Signals): void;
}

export function sign(payload: string): string {
  return `sha256=${createHmac("sha256", SECRET).update(payload).digest("hex")}`;
}

export async function startApp(apiUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ["dist/app.js"], {
    env: {
      PATH: process.env.PATH,
      APP_ID: "1",
      PRIVATE_KEY: PEM,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      GITHUB_API_URL: apiUrl,
      LOG_LEVEL: "error",
      SWEEP_INTERVAL: "0",
      ...env,
    },
    // The server's logs (pino JSON, incl. refused deliveries) are not part of the report.
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/ping`, { signal: AbortSignal.timeout(500) });
      break;
    } catch {
      if (i === 199) throw new Error("dist/app.js did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    child,
    port,
    rss: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      } catch {
        return 0;
      }
    },
    stop: (signal = "SIGTERM") => void child.kill(signal),
  };
}

export async function deliver(
  port: number,
  event: string,
  payload: string,
  id: string,
  signature = sign(payload),
): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": id,
      "x-hub-signature-256": signature,
    },
    body: payload,
    signal: AbortSignal.timeout(30_000),
  });
  await res.text();
  return { status: res.status, ms: performance.now() - t };
}
