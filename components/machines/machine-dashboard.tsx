"use client";

import { useEffect, useMemo, useState } from "react";
import type { DashboardData, MachineTile } from "@/lib/domain/machines/dashboard";
import type { MachineState } from "@/lib/domain/machines/machine-state";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

export interface DashboardLabels {
  states: Record<MachineState, string>;
  counts: string;
  empty: string;
  live: string;
  reconnecting: string;
  inUseBy: string;
  inUse: string;
  since: string;
  sinceHours: string;
  neverHeard: string;
  details: string;
  mayUse: string;
  mayNotUse: string;
}

const stateClass: Record<MachineState, string> = {
  in_use: "border-amber-400 bg-amber-50",
  blocked: "border-red-400 bg-red-50",
  maintenance_due: "border-orange-400 bg-orange-50",
  offline: "border-slate-300 bg-slate-100",
  free: "border-emerald-400 bg-emerald-50",
};

const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/**
 * The live tiles. EventSource reconnects by itself; the server sends the full state first on every connection, so
 * a browser that lost the stream catches up without a reload.
 */
export function MachineDashboard({
  initial,
  labels,
  detailsHref,
  usable = null,
}: {
  initial: DashboardData;
  labels: DashboardLabels;
  detailsHref: string | null;
  /** The machines the viewer may use now (trained, not blocked; THE rule), or null for a visitor. */
  usable?: number[] | null;
}) {
  const [data, setData] = useState(initial);
  const [connected, setConnected] = useState(false);
  // Server clock minus browser clock, so "for N min" does not depend on a wrong clock in the browser.
  const [skew, setSkew] = useState(() => new Date(initial.now).getTime() - Date.now());
  const [tick, setTick] = useState(() => Date.now());

  useEffect(() => {
    const source = new EventSource("/api/machines/events");
    source.addEventListener("state", (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as DashboardData;
      setSkew(new Date(next.now).getTime() - Date.now());
      setData(next);
      setConnected(true);
    });
    source.onerror = () => setConnected(false);
    const timer = setInterval(() => setTick(Date.now()), 30_000);
    return () => {
      source.close();
      clearInterval(timer);
    };
  }, []);

  const now = tick + skew;
  // labels.states lists the states in order of precedence (type-only imports keep server code out of the bundle).
  const counts = useMemo(() => (Object.keys(labels.states) as MachineState[]).map((s) => [s, data.counts[s]] as const), [data, labels]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <ul aria-label={labels.counts} className="flex flex-wrap gap-2" data-testid="machine-counts">
          {counts.map(([state, n]) => (
            <li key={state} className={`rounded border px-2 py-1 text-sm ${stateClass[state]}`} data-state={state}>
              {labels.states[state]}: <span className="font-semibold">{n}</span>
            </li>
          ))}
        </ul>
        <span className="text-sm text-slate-600" role="status" data-testid="dashboard-connection" data-connected={connected}>
          {connected ? labels.live : labels.reconnecting}
        </span>
      </div>
      {data.tiles.length === 0 ? (
        <EmptyState>{labels.empty}</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {data.tiles.map((tile) => (
            <Tile key={tile.id} tile={tile} labels={labels} now={now} detailsHref={detailsHref} mayUse={usable ? usable.includes(tile.id) : null} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Tile({
  tile,
  labels,
  now,
  detailsHref,
  mayUse,
}: {
  tile: MachineTile;
  labels: DashboardLabels;
  now: number;
  detailsHref: string | null;
  mayUse: boolean | null;
}) {
  const minutes = tile.inUse ? Math.max(0, Math.floor((now - new Date(tile.inUse.since).getTime()) / 60_000)) : 0;
  const duration = minutes >= 60 ? fill(labels.sinceHours, { hours: Math.floor(minutes / 60), minutes: minutes % 60 }) : fill(labels.since, { minutes });
  return (
    <li className={`rounded-lg border-2 p-4 ${stateClass[tile.state]}`} data-testid={`machine-tile-${tile.id}`} data-state={tile.state} aria-label={tile.name}>
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="font-semibold">{tile.name}</h2>
          <p className="text-sm text-slate-600">{[tile.typeName, tile.location].filter(Boolean).join(" · ")}</p>
        </div>
        <Badge tone="light" size="normal" data-testid="tile-state">
          {labels.states[tile.state]}
        </Badge>
      </div>
      {mayUse !== null && (
        <p className={`mt-2 text-sm font-medium ${mayUse ? "text-emerald-900" : "text-slate-700"}`} data-testid="tile-may-use" data-may-use={mayUse}>
          {mayUse ? `✓ ${labels.mayUse}` : labels.mayNotUse}
        </p>
      )}
      {tile.inUse && (
        <p className="mt-2 text-sm">
          {tile.inUse.personName ? fill(labels.inUseBy, { name: tile.inUse.personName }) : labels.inUse} · {duration}
        </p>
      )}
      {tile.state === "blocked" && tile.blockedReason && <p className="mt-2 text-sm text-red-800">{tile.blockedReason}</p>}
      {tile.maintenanceText && <p className="mt-2 text-sm text-orange-800">{tile.maintenanceText}</p>}
      {!tile.lastHeardAt && <p className="mt-2 text-xs text-slate-600">{labels.neverHeard}</p>}
      {detailsHref && (
        <a className="mt-2 inline-block text-sm underline" href={`${detailsHref}/${tile.id}`}>
          {labels.details}
        </a>
      )}
    </li>
  );
}
