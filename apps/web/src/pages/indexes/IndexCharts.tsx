import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { Distribution, VariableBars } from './charts-data';

// Only this module imports chart.js, and only through React.lazy: the library stays out of the main chunk and
// out of every page but the index region page.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const SELF = '#9aa5b1';
const VERIFIED = '#1b6ac9';
const MARKED = '#c2410c';

function useChart(config: () => ChartConfiguration<'bar'>, deps: readonly unknown[]) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config());
    return () => chart.destroy();
    // The config is rebuilt from `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return canvas;
}

/** Self vs verified per variable, as a share of the variable's maximum (variables differ in size). */
export function VariableChart({ data }: { data: VariableBars }) {
  const canvas = useChart(
    () => ({
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [
          {
            label: data.selfLabel,
            data: data.self,
            backgroundColor: SELF,
            maxBarThickness: 28,
          },
          {
            label: data.verifiedLabel,
            data: data.verified,
            backgroundColor: VERIFIED,
            maxBarThickness: 28,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min: 0, max: 100, title: { display: true, text: data.axis } },
        },
      },
    }),
    [data],
  );
  return (
    <div className="chart" style={{ height: `${Math.max(220, data.labels.length * 56)}px` }}>
      <canvas ref={canvas} role="img" aria-label={data.summary} />
    </div>
  );
}

/** The category's verified IID, best first, the region's bar in another colour. */
export function DistributionChart({ data }: { data: Distribution }) {
  const canvas = useChart(
    () => ({
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [
          {
            label: data.label,
            data: data.values,
            maxBarThickness: 40,
            backgroundColor: data.values.map((_, i) => (i === data.marked ? MARKED : VERIFIED)),
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { ticks: { display: data.labels.length <= 30, autoSkip: true } },
          y: { min: 0, max: 100, title: { display: true, text: data.axis } },
        },
      },
    }),
    [data],
  );
  return (
    <div className="chart" style={{ height: '260px' }}>
      <canvas ref={canvas} role="img" aria-label={data.summary} />
    </div>
  );
}
