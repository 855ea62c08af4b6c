import { normalizeAddress } from "@/lib/domain/usage/board-access";

/**
 * Open connections per source address, capped: one laptop on the Wi-Fi cannot hold thousands of sockets (each
 * costs memory and a CONNECT timer) and starve the boards. A board needs one; a NAT in front of many boards
 * needs a higher cap (MQTT_MAX_CONNECTIONS_PER_ADDRESS).
 */
export class SourceLimits {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerAddress: number) {}

  /** Counts the connection in, or returns null when its address is at the cap (close it at once). */
  admit(remoteAddress: string | undefined): string | null {
    const address = normalizeAddress(remoteAddress);
    const n = this.open.get(address) ?? 0;
    if (n >= this.maxPerAddress) return null;
    this.open.set(address, n + 1);
    return address;
  }

  release(address: string): void {
    const n = (this.open.get(address) ?? 1) - 1;
    if (n <= 0) this.open.delete(address);
    else this.open.set(address, n);
  }
}
