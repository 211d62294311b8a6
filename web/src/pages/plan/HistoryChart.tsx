import { LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { use } from "echarts/core";
import { useMemo } from "react";
import { api, type ResponseOf } from "../../api/client.ts";
import { type ChartOption, useChart } from "../../charts/echarts.ts";
import { ErrorNote, Loading, useLoad } from "../../components/common.tsx";
import { date, num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";

use([TooltipComponent, LegendComponent, MarkLineComponent]);

type History = ResponseOf<"GET /api/plans/{code}/indicators/{indicator}/history">;

const pairs = (line: { date: string; value: number | null }[]) => line.map((p) => [p.date, p.value]);

function Chart({ history }: { history: History }) {
  const { t, lang } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis", valueFormatter: (v) => num(typeof v === "number" ? v : null, lang) },
      legend: { bottom: 0 },
      grid: { left: 56, right: 24, top: 24, bottom: 48 },
      xAxis: { type: "time", axisLabel: { formatter: (v: number) => date(new Date(v).toISOString(), lang) } },
      yAxis: { type: "value", scale: true },
      series: [
        {
          name: t.plan.lines.value,
          type: "line",
          data: history.points.map((p) => [p.date, p.value]),
          lineStyle: { width: 3, color: "#1d4f91" },
          itemStyle: { color: "#1d4f91" },
          markLine: {
            symbol: "none",
            label: { formatter: `${t.plan.lines.target}: ${num(history.indicator.target, lang)}` },
            lineStyle: { color: "#a3161a", type: "solid" },
            data: [{ yAxis: history.indicator.target }],
          },
        },
        {
          name: t.plan.lines.expected,
          type: "line",
          data: pairs(history.lines.expected),
          showSymbol: false,
          lineStyle: { type: "dashed", color: "#6b7280" },
          itemStyle: { color: "#6b7280" },
        },
        {
          name: t.plan.lines.forecast,
          type: "line",
          data: pairs(history.lines.forecast),
          showSymbol: false,
          lineStyle: { type: "dotted", color: "#b45309" },
          itemStyle: { color: "#b45309" },
        },
      ],
    }),
    [history, t, lang],
  );
  const ref = useChart(option);
  return <div ref={ref} className="history-chart" role="img" aria-label={t.plan.history} />;
}

/** Diễn biến of one indicator: its monthly value, the target, the pace needed and the forecast. */
export function HistoryChart({ plan, indicator, to }: { plan: string; indicator: string; to: string }) {
  const loaded = useLoad(
    (signal) =>
      api.get("/api/plans/{code}/indicators/{indicator}/history", {
        params: { code: plan, indicator },
        query: { to },
        signal,
      }),
    [plan, indicator, to],
  );
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  return loaded.data ? <Chart history={loaded.data} /> : <Loading />;
}
