// HTTP written by hand on a socket, for requests fetch() will not send: absolute-form targets, dot segments, a body
// that never ends. The answer is whatever the server says while the request is still open.
import { connect, type Socket } from "node:net";
// Not the global timers: tests that fake those still wait for real bytes here.
import { setTimeout as pause } from "node:timers/promises";

export interface RawAnswer {
  /** The response's status, or null when the server said nothing. */
  status: number | null;
  text: string;
}

export interface OpenRequest {
  socket: Socket;
  /** Resolves with the first answer, or with `status: null` when none came within `waitMs` (real time). */
  answer(waitMs?: number): Promise<RawAnswer>;
  /** The text received so far. */
  received(): string;
  close(): void;
}

/** Send `head` (request line and headers) and `body` bytes, and keep the request open. */
export async function openRequest(
  port: number,
  head: string[],
  body: string | Buffer = "",
): Promise<OpenRequest> {
  const socket = connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  let text = "";
  let closed = false;
  socket.on("data", (d) => (text += d.toString("latin1")));
  socket.on("error", () => {});
  socket.on("close", () => (closed = true));
  socket.write(`${head.join("\r\n")}\r\n\r\n`);
  if (body.length > 0) socket.write(body);
  const status = () => {
    const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
    return m ? Number(m[1]) : null;
  };
  return {
    socket,
    received: () => text,
    close: () => socket.destroy(),
    answer: async (waitMs = 900) => {
      for (let waited = 0; waited < waitMs && !closed; waited += 10) {
        if (status() !== null && text.includes("\r\n\r\n")) break;
        await pause(10);
      }
      return { status: status(), text };
    },
  };
}

/** A request's head: `POST <target> HTTP/1.1` with a Host header and the given headers. */
export function head(method: string, target: string, headers: Record<string, string | number>): string[] {
  return [
    `${method} ${target} HTTP/1.1`,
    "Host: 127.0.0.1",
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
}
