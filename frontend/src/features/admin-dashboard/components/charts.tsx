// Loaded on demand (React.lazy): the chart library never reaches the citizen bundle, nor admin pages
// other than the dashboard.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Series colours with at least 3:1 contrast against both the light and the dark page background. */
export const SERIES_COLOURS = ['#3b82f6', '#c2410c', '#15803d', '#7c3aed'];

const axis = { fill: 'currentColor', fontSize: 12 };

type Series = { key: string; label: string };

type ChartProps = {
  data: Record<string, string | number>[];
  categoryKey: string;
  series: Series[];
};

export function DailyChart({ data, categoryKey, series }: ChartProps) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis dataKey={categoryKey} tick={axis} minTickGap={16} />
        <YAxis tick={axis} allowDecimals={false} />
        <Tooltip />
        <Legend />
        {series.map((s, index) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={SERIES_COLOURS[index % SERIES_COLOURS.length]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function BarsChart({ data, categoryKey, series }: ChartProps) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis dataKey={categoryKey} tick={axis} />
        <YAxis tick={axis} />
        <Tooltip />
        <Legend />
        {series.map((s, index) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
