import { EventEmitter } from "node:events";
import { BoardLink, type Exchange, type Json } from "./board-link";
import { OfflineBuffer } from "./offline-buffer";

export type { Exchange, Json };

/** The firmware's timings; tests and benchmarks shorten them (0 turns a periodic message off). */
export interface BoardTimings {
  checkMachineMs: number;
  aliveMs: number;
  inUseMs: number;
  replyTimeoutMs: number;
  reconnectMs: number;
  /**
   * How often the offline queue and the card cache are written to flash (when changed), connected or not: the
   * firmware does it in its alive task, so by default every aliveMs. What a reboot replays is this copy.
   */
  flashSaveMs?: number;
}

export const FIRMWARE_TIMINGS: BoardTimings = { checkMachineMs: 30_000, aliveMs: 120_000, inUseMs: 30_000, replyTimeoutMs: 2_000, reconnectMs: 3_000 };

export interface BoardOptions {
  url: string;
  machineId: number | string;
  /** 0–999; random like the firmware when absent (drawn again at each reboot). */
  clientNumber?: number;
  username?: string;
  password?: string;
  timings?: Partial<BoardTimings>;
  /** Offline buffer size (the firmware keeps 40 in flash). */
  maxBuffered?: number;
  /** What `alive` reports; strings, as the firmware sends them. The serial defaults to one per machine id (a MAC). */
  identity?: { version?: string; ip?: string; serial?: string; heap?: string };
  /** The board's own source address (loopback alias), see BoardLink. */
  localAddress?: string;
}

export interface User {
  uid: string;
  name: string;
  level: number;
  since: number;
  /** Logged in from the board's cache while the backend did not answer. */
  offline: boolean;
}

export type SwipeOutcome =
  | { loggedIn: true; user: User }
  | { loggedIn: false; reason: "busy" | "blocked" | "maintenance" | "refused" | "offline_unknown"; reply: Json | null }
  | { loggedIn: false; reason: "logged_out"; duration: number };

/**
 * A simulated Fab-O-Matic board: boots with alive + checkmachine, repeats them on the firmware's schedule, and
 * runs the swipe flow checkuser → (maintenance) → startuse → inuse… → stopuse. Startuse/stopuse/maintenance that
 * get no answer are buffered and replayed in order with "replay":true after the next connect.
 * A reconnect (disconnect()/reconnect(), the Wi-Fi or the broker gone and back) keeps the client id and the queue in
 * RAM, so nothing answered is sent again; a reboot() draws a new client id and replays the queue's flash copy, which
 * may still hold messages answered since it was saved (Fab-O-Matic: FabBackend::configure, saveBuffer, loadBuffer).
 * Emits "exchange" (every request and its reply), "login", "logout", "connect", "offline", "warning", "reboot" (the
 * new client id).
 */
export class SimulatedBoard extends EventEmitter {
  readonly link: BoardLink;
  readonly buffer: OfflineBuffer;
  readonly timings: BoardTimings;
  /** The last checkmachine answer (null until one arrived). */
  machine: Json | null = null;
  user: User | null = null;
  /** Cards the backend accepted before, used when it does not answer (the firmware's auth cache). */
  readonly cache = new Map<string, { name: string; level: number }>();
  /** The cache as last written to flash: what a reboot starts with. */
  private savedCache = new Map<string, { name: string; level: number }>();
  private timers: NodeJS.Timeout[] = [];
  private inUseTimer: NodeJS.Timeout | undefined;
  private replaying: Promise<void> | null = null;
  /** The current connection's alive → replay → checkmachine, until it is through. */
  private connectSequence: Promise<void> = Promise.resolve();

  constructor(readonly options: BoardOptions) {
    super();
    this.timings = { ...FIRMWARE_TIMINGS, ...options.timings };
    this.buffer = new OfflineBuffer(options.maxBuffered ?? 40);
    this.link = new BoardLink({
      url: options.url,
      machineId: options.machineId,
      clientNumber: options.clientNumber ?? Math.floor(Math.random() * 1000),
      username: options.username,
      password: options.password,
      replyTimeoutMs: this.timings.replyTimeoutMs,
      reconnectMs: this.timings.reconnectMs,
      localAddress: options.localAddress,
    });
    this.link.on("connect", () => this.onConnect());
    for (const event of ["exchange", "offline", "warning", "unsolicited"]) this.link.on(event, (x) => this.emit(event, x));
    this.link.on("command", (command: Json) => this.onCommand(command));
  }

  /** Powers the board on; resolves after the first connect's alive, replay and checkmachine. */
  start(): Promise<void> {
    const booted = new Promise<void>((resolve) => this.once("booted", resolve));
    this.link.open();
    this.every(this.timings.checkMachineMs, () => this.checkMachine());
    this.every(this.timings.aliveMs, () => this.alive());
    const saveMs = this.timings.flashSaveMs ?? this.timings.aliveMs;
    if (saveMs > 0) this.timers.push(setInterval(() => this.saveToFlash(), saveMs)); // online or not
    return booted;
  }

  /** The firmware's periodic save: the offline queue and the card cache to flash, where they changed. */
  saveToFlash(): void {
    this.buffer.save();
    this.savedCache = new Map(this.cache);
  }

  /**
   * Power cycle (a crash, the watchdog, a power cut): no stopuse for a user logged in (the backend closes the
   * session later), the queue in RAM and anything since the last flash save gone; then the boot: a new client id
   * BOARD<0-999> drawn at random (`clientNumber` to choose it), the queue and card cache loaded from flash, connect,
   * alive, the flash queue replayed in order, checkmachine. Resolves when that boot is through.
   */
  async reboot({ clientNumber = Math.floor(Math.random() * 1000) }: { clientNumber?: number } = {}): Promise<void> {
    await this.close();
    await this.connectSequence;
    this.user = null;
    this.machine = null;
    this.buffer.reload();
    this.cache.clear();
    for (const [uid, who] of this.savedCache) this.cache.set(uid, who);
    this.link.clientNumber = clientNumber;
    this.emit("reboot", this.link.clientId);
    await this.start();
  }

  /** Network gone: the connection drops and the board stops retrying until reconnect(). State is kept. */
  disconnect(): Promise<void> {
    return this.link.close();
  }

  /** Network back: connects again and replays the buffer; resolves when that is done. */
  reconnect(): Promise<void> {
    const booted = new Promise<void>((resolve) => this.once("booted", resolve));
    this.link.open();
    return booted;
  }

  /** Power off: no stopuse is sent (the firmware loses the session; the backend closes it later). */
  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    clearInterval(this.inUseTimer);
    await this.link.close();
  }

  /** A live request: sent after the offline queue's replay in progress, as the firmware sends nothing live before it. */
  async request(body: Json): Promise<Exchange> {
    while (this.replaying) await this.replaying.catch(() => {});
    return this.link.request(body);
  }

  async checkMachine(): Promise<Json | null> {
    const { reply } = await this.request({ action: "checkmachine" });
    if (reply) this.machine = reply;
    return reply;
  }

  alive(): boolean {
    const id = this.options.identity ?? {};
    return this.link.send({
      action: "alive",
      version: id.version ?? "esp32-devkitc,v1.9.0-sim",
      ip: id.ip ?? this.options.localAddress ?? "127.0.0.1",
      // Stable across reboots like the ESP32's MAC, so the board stays paired with its machine.
      serial: id.serial ?? simulatedSerial(this.options.machineId),
      heap: id.heap ?? String(150_000 + Math.floor(Math.random() * 50_000)),
    });
  }

  /** A card on the reader. The logged-in user's own card logs out; `confirmMaintenance` is the staff's long press. */
  async swipe(uid: string, options: { confirmMaintenance?: boolean } = {}): Promise<SwipeOutcome> {
    if (this.user) {
      if (this.user.uid !== uid) return { loggedIn: false, reason: "busy", reply: null };
      return { loggedIn: false, reason: "logged_out", duration: (await this.stop()) ?? 0 };
    }
    if (this.machine?.request_ok === true && this.machine.allowed === false) return { loggedIn: false, reason: "blocked", reply: null };
    const { reply } = await this.request({ action: "checkuser", uid });
    let who: { name: string; level: number } | undefined;
    if (reply) {
      const level = typeof reply.level === "number" ? reply.level : 0;
      if (reply.request_ok !== true || reply.is_valid !== true || level < 1) {
        this.cache.delete(uid);
        return { loggedIn: false, reason: "refused", reply };
      }
      who = { name: String(reply.name ?? ""), level };
      this.cache.set(uid, who);
    } else {
      who = this.cache.get(uid);
      if (!who) return { loggedIn: false, reason: "offline_unknown", reply: null };
    }
    if (this.machine?.maintenance === true) {
      if (who.level < 2) return { loggedIn: false, reason: "maintenance", reply };
      if (options.confirmMaintenance) await this.buffered({ action: "maintenance", uid });
    }
    await this.buffered({ action: "startuse", uid });
    this.user = { uid, name: who.name, level: who.level, since: Date.now(), offline: reply === null };
    if (this.timings.inUseMs > 0) this.inUseTimer = setInterval(() => this.guard(this.inUse()), this.timings.inUseMs);
    this.emit("login", this.user);
    return { loggedIn: true, user: this.user };
  }

  /** Logs the current user out; resolves to the duration sent with stopuse, or null if nobody was logged in. */
  async stop(): Promise<number | null> {
    const user = this.user;
    if (!user) return null;
    this.user = null;
    clearInterval(this.inUseTimer);
    const duration = this.durationOf(user);
    await this.buffered({ action: "stopuse", uid: user.uid, duration });
    this.emit("logout", { ...user, duration });
    return duration;
  }

  private durationOf(user: User): number {
    return Math.floor((Date.now() - user.since) / 1000);
  }

  private async inUse(): Promise<void> {
    if (this.user) await this.request({ action: "inuse", uid: this.user.uid, duration: this.durationOf(this.user) });
  }

  /** A request the firmware keeps in its flash buffer when the backend does not answer it. */
  private async buffered(body: Json): Promise<Json | null> {
    const { reply } = await this.request(body);
    if (reply === null) this.buffer.push(body);
    return reply;
  }

  private onConnect(): void {
    this.emit("connect");
    this.alive();
    // Replays first (in order, "replay":true), then the machine check; one request at a time anyway.
    const replaying = (this.replaying ??= this.buffer
      .replay((body) => this.link.request(body).then((x) => x.reply))
      .then(() => {})
      .finally(() => (this.replaying = null)));
    this.connectSequence = replaying
      .then(() => this.checkMachine())
      .then(
        () => {},
        (error: unknown) => void this.emit("warning", (error as Error).message),
      )
      .finally(() => this.emit("booted"));
  }

  private onCommand(command: Json): void {
    const uid = typeof command.uid === "string" ? command.uid.toLowerCase() : "";
    if (command.request_type === "start" && uid && !this.user) this.guard(this.swipe(uid));
    else if (command.request_type === "stop") this.guard(this.stop());
  }

  private every(ms: number, run: () => unknown): void {
    if (ms > 0) this.timers.push(setInterval(() => this.link.connected && this.guard(run()), ms));
  }

  private guard(work: unknown): void {
    Promise.resolve(work).catch((error: unknown) => this.emit("warning", (error as Error).message));
  }
}

/** A made-up ESP32 MAC per machine id (12 hex digits, as the firmware reports its serial). */
export function simulatedSerial(machineId: number | string): string {
  const n = Number.parseInt(String(machineId), 10) || 0;
  return `5e${(n % 2 ** 40).toString(16).padStart(10, "0")}`;
}
