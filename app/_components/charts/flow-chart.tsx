"use client";
// Money in vs money out per WIB day, as bars: the merchant's wallet page and the admin overview.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, compactRupiah, exactRupiah, shortDay } from "./chart-format";

export type FlowPoint = { day: string; moneyIn: string; moneyOut: string };

export function FlowChart({ data, locale, labels, height = 240 }: { data: FlowPoint[]; locale: string; labels: { moneyIn: string; moneyOut: string }; height?: number }) {
  const points = data.map((d) => ({ day: d.day, moneyIn: Number(d.moneyIn), moneyOut: Number(d.moneyOut) }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="day" tickFormatter={(d: string) => shortDay(d, locale)} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} minTickGap={12} />
        <YAxis tickFormatter={(v: number) => compactRupiah(v, locale)} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} width={84} />
        <Tooltip formatter={(value) => exactRupiah(value)} labelFormatter={(d) => shortDay(String(d), locale)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="moneyIn" name={labels.moneyIn} fill={CHART_COLORS.in} radius={[2, 2, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="moneyOut" name={labels.moneyOut} fill={CHART_COLORS.out} radius={[2, 2, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
