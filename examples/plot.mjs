// A loss curve as a small standalone SVG (no dependency): one polyline, axes and labels.
export function lossCurveSvg(losses, { title = 'training loss', width = 640, height = 320 } = {}) {
  const pad = { left: 56, right: 16, top: 32, bottom: 40 };
  const w = width - pad.left - pad.right, h = height - pad.top - pad.bottom;
  const max = Math.max(...losses), min = Math.min(0, ...losses);
  const x = (i) => pad.left + (losses.length > 1 ? (i / (losses.length - 1)) * w : 0);
  const y = (v) => pad.top + h - ((v - min) / (max - min || 1)) * h;
  const points = losses.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (max - min));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">
  <rect width="100%" height="100%" fill="white"/>
  <text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${title}</text>
  ${ticks.map((t) => `<line x1="${pad.left}" x2="${pad.left + w}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/>
  <text x="${pad.left - 6}" y="${y(t) + 4}" text-anchor="end">${t.toFixed(2)}</text>`).join('\n  ')}
  <line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${pad.top + h}" stroke="black"/>
  <line x1="${pad.left}" x2="${pad.left + w}" y1="${pad.top + h}" y2="${pad.top + h}" stroke="black"/>
  <text x="${pad.left + w / 2}" y="${height - 8}" text-anchor="middle">step (${losses.length} in all)</text>
  <polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="${points}"/>
</svg>
`;
}
