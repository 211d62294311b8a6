import type { LineSeriesOption } from "echarts/charts";
import { LineChart } from "echarts/charts";
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import { GridComponent } from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only what the IOC draws: line charts on SVG (crisp on a wall screen, light to ship). Pages
// with tooltips, legends or target lines register those parts themselves (see HistoryChart).
use([LineChart, GridComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

/**
 * A chart in a div: created once, given each new option, disposed with the component. Animation
 * is off: figures appear at once, in meetings and in tests alike.
 */
export function useChart(option: ChartOption, size?: { width?: number; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const created = init(ref.current, null, { renderer: "svg", ...size });
    chart.current = created;
    const resize = () => created.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      created.dispose();
      chart.current = null;
    };
  }, [size]);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);
  return ref;
}
