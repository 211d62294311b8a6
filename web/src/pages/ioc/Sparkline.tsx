import { useMemo } from "react";
import { useChart } from "../../charts/echarts.ts";

const SIZE = { height: 40 };

/** A figure's last twelve months as a small line; months without data leave a gap. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const option = useMemo(
    () => ({
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: "category" as const, show: false, data: values.map((_, i) => i) },
      yAxis: { type: "value" as const, show: false, scale: true },
      series: [
        {
          type: "line" as const,
          data: values,
          showSymbol: values.filter((v) => v !== null).length < 3,
          symbolSize: 5,
          lineStyle: { width: 2, color: "#1d4f91" },
          itemStyle: { color: "#1d4f91" },
          silent: true,
        },
      ],
    }),
    [values],
  );
  const ref = useChart(option, SIZE);
  return <div ref={ref} className="sparkline" role="img" aria-label={label} />;
}
