/**
 * Keeps wrong board passwords from costing the boards that are working. An argon2 verification takes tens of
 * milliseconds of a core (on a 2-core box, one core): so at most `concurrency` run at once and only a few wait,
 * the rest are refused at once; an address that keeps failing is refused without verifying, for a time that
 * doubles with each round (up to `maxBlockMs`). A board whose password was verified before never gets here
 * (the policy recognises it by its digest), so a flood cannot lock a real board out or slow its replies.
 */
export interface LoginThrottleOptions {
  /** Failures from one address within `windowMs` before it is blocked. Default 5 in 60 s. */
  maxFailures?: number;
  windowMs?: number;
  /** First block; doubles per further block of the same address. Default 30 s, up to 15 min. */
  blockMs?: number;
  maxBlockMs?: number;
  /** argon2 verifications at once (default 1) and how many may wait (default 4). */
  concurrency?: number;
  maxWaiting?: number;
  now?: () => number;
}

interface AddressRecord {
  failures: number;
  windowStart: number;
  blockedUntil: number;
  blocks: number;
}

const MAX_ADDRESSES = 10_000;

export class LoginThrottle {
  private readonly addresses = new Map<string, AddressRecord>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Counters for the broker metrics. */
  refusedBlocked = 0;
  refusedBusy = 0;

  constructor(private readonly o: LoginThrottleOptions = {}) {}

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  /** The address is refused without a verification for now. */
  isBlocked(address: string): boolean {
    const record = this.addresses.get(address);
    const blocked = !!record && record.blockedUntil > this.now();
    if (blocked) this.refusedBlocked++;
    return blocked;
  }

  failed(address: string): void {
    const now = this.now();
    let record = this.addresses.get(address);
    if (!record) {
      // Bounded: a scan from many addresses forgets the oldest (Map keeps insertion order).
      if (this.addresses.size >= MAX_ADDRESSES) this.addresses.delete(this.addresses.keys().next().value!);
      this.addresses.set(address, (record = { failures: 0, windowStart: now, blockedUntil: 0, blocks: 0 }));
    }
    if (now - record.windowStart > (this.o.windowMs ?? 60_000)) {
      record.failures = 0;
      record.windowStart = now;
    }
    record.failures++;
    if (record.failures >= (this.o.maxFailures ?? 5)) {
      const ms = Math.min((this.o.blockMs ?? 30_000) * 2 ** record.blocks, this.o.maxBlockMs ?? 15 * 60_000);
      record.blockedUntil = now + ms;
      record.blocks++;
      record.failures = 0;
      record.windowStart = now;
    }
  }

  succeeded(address: string): void {
    this.addresses.delete(address);
  }

  /** Runs a verification in a free slot; null when too many are queued already (refuse: the board retries). */
  async verify(work: () => Promise<boolean>): Promise<boolean | null> {
    if (this.running >= (this.o.concurrency ?? 1)) {
      if (this.waiting.length >= (this.o.maxWaiting ?? 4)) {
        this.refusedBusy++;
        return null;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
