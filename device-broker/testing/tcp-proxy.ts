// The proxy lives beside the database's test helpers (lib/db/testing); the broker's tests keep importing it here.
export { startTcpProxy, type TcpProxy } from "@/lib/db/testing/tcp-proxy";
