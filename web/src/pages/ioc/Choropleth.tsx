import { MapChart, type MapSeriesOption } from "echarts/charts";
import { TooltipComponent, type TooltipComponentOption } from "echarts/components";
import { type ComposeOption, init, registerMap, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { api } from "../../api/client.ts";
import { ErrorNote, Loading, useLoad } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";

// Its own chunk: only a screen whose admin loaded boundaries downloads the map chart.
use([MapChart, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<MapSeriesOption | TooltipComponentOption>;

export interface Area {
  code: string;
  name: string;
  /** The fill: the same five steps as the tile map, or grey without data. */
  colour: string;
  text: string;
}

/** Loads a level's boundary map once per version and registers it with ECharts under that name. */
async function loadMap(level: number, version: string, signal: AbortSignal): Promise<string> {
  const name = `chiso-${level}-${version}`;
  const geojson = await api.get("/api/map/boundaries/{level}", { params: { level }, signal });
  registerMap(name, geojson as Parameters<typeof registerMap>[1]);
  return name;
}

function Chart({ map, areas, label }: { map: string; areas: Area[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Redrawn when what is drawn changes, not on every render of the screen.
  const drawn = JSON.stringify(areas);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `drawn` stands for `areas`
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, null, { renderer: "svg" });
    const byCode = new Map(areas.map((a) => [a.code, a]));
    const option: Option = {
      animation: false,
      aria: { enabled: true, label: { description: label } },
      tooltip: {
        trigger: "item",
        formatter: (p) => {
          const area = byCode.get(String((p as { name?: string }).name ?? ""));
          return area ? `${area.name}: ${area.text}` : "";
        },
      },
      series: [
        {
          type: "map",
          map,
          nameProperty: "code",
          selectedMode: false,
          label: { show: false },
          emphasis: { label: { show: true, formatter: (p) => byCode.get(String(p.name))?.name ?? "" } },
          data: areas.map((a) => ({ name: a.code, value: 0, itemStyle: { areaColor: a.colour } })),
        },
      ],
    };
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [map, drawn, label]);
  return <div ref={ref} className="choropleth" role="img" aria-label={label} />;
}

/** Bản đồ theo ranh giới: the mapped units drawn on the boundaries an admin loaded. */
export default function Choropleth(props: { level: number; version: string; areas: Area[]; label: string }) {
  const { t } = useI18n();
  const loaded = useLoad(
    (signal) => loadMap(props.level, props.version, signal),
    [props.level, props.version],
  );
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  return (
    <>
      <Chart map={loaded.data} areas={props.areas} label={props.label} />
      <p className="muted small">{t.ioc.mapBoundaries}</p>
    </>
  );
}
