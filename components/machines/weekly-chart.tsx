const COLORS = ["#d97706", "#0f766e", "#4338ca", "#be123c", "#4d7c0f", "#7c3aed", "#0369a1", "#a16207"];

/** Hours per machine per week as stacked bars, rendered on the server (no chart library, no script). */
export function WeeklyChart({ data, title, maxWeeks = 12 }: { data: { week: string; machine: string; hours: number }[]; title: string; maxWeeks?: number }) {
  const weeks = [...new Set(data.map((d) => d.week))].sort().slice(-maxWeeks);
  const machines = [...new Set(data.filter((d) => weeks.includes(d.week)).map((d) => d.machine))].sort();
  if (weeks.length === 0) return null;
  const totals = weeks.map((w) => data.filter((d) => d.week === w).reduce((a, d) => a + d.hours, 0));
  const max = Math.max(...totals, 1);
  const W = 640;
  const H = 220;
  const left = 40;
  const bottom = 40;
  const bar = (W - left) / weeks.length;
  const scale = (h: number) => (h / max) * (H - bottom - 10);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} className="w-full max-w-3xl">
        <text x={4} y={14} fontSize={11} fill="#475569">{`${max.toFixed(0)} h`}</text>
        <line x1={left} y1={H - bottom} x2={W} y2={H - bottom} stroke="#94a3b8" />
        {weeks.map((week, i) => {
          let y = H - bottom;
          return (
            <g key={week}>
              {machines.map((machine, j) => {
                const hours = data.find((d) => d.week === week && d.machine === machine)?.hours ?? 0;
                const h = scale(hours);
                y -= h;
                return hours > 0 ? (
                  <rect key={machine} x={left + i * bar + 4} y={y} width={bar - 8} height={h} fill={COLORS[j % COLORS.length]}>
                    <title>{`${machine}, ${week}: ${hours.toFixed(1)} h`}</title>
                  </rect>
                ) : null;
              })}
              <text x={left + i * bar + bar / 2} y={H - bottom + 14} fontSize={10} textAnchor="middle" fill="#475569">
                {week.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-sm">
        {machines.map((m, j) => (
          <span key={m} className="flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ background: COLORS[j % COLORS.length] }} />
            {m}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
