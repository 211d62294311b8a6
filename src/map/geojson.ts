import { z } from "zod";

/**
 * The GeoJSON (RFC 7946) an admin may load as a boundary map: a FeatureCollection of Polygon or
 * MultiPolygon features in longitude/latitude, each naming its unit by a code property.
 */
const position = z
  .tuple([
    z
      .number()
      .min(-180, "Kinh độ từ -180 đến 180|Longitude is -180 to 180")
      .max(180, "Kinh độ từ -180 đến 180|Longitude is -180 to 180"),
    z
      .number()
      .min(-90, "Vĩ độ từ -90 đến 90|Latitude is -90 to 90")
      .max(90, "Vĩ độ từ -90 đến 90|Latitude is -90 to 90"),
  ])
  .rest(z.number());
const ring = z
  .array(position)
  .min(4, "Một vòng ranh giới cần ít nhất 4 điểm|A ring needs at least 4 positions");
const polygon = z.array(ring).min(1, "Đa giác cần ít nhất một vòng|A polygon needs a ring");

const geometry = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("Polygon"), coordinates: polygon }),
    z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(polygon).min(1) }),
  ],
  { error: "Chỉ nhận vùng Polygon hoặc MultiPolygon|Only Polygon or MultiPolygon areas" },
);

export const MAX_FEATURES = 5000;

export const boundaryCollection = z.object({
  type: z.literal("FeatureCollection", {
    error: "Phải là một FeatureCollection GeoJSON|Must be a GeoJSON FeatureCollection",
  }),
  features: z
    .array(
      z.object({
        type: z.literal("Feature"),
        properties: z.record(z.string(), z.unknown()).nullable(),
        geometry,
      }),
    )
    .min(1, "Không có vùng nào|There are no features")
    .max(MAX_FEATURES, `Nhiều nhất ${MAX_FEATURES} vùng|At most ${MAX_FEATURES} features`),
});
export type BoundaryCollection = z.infer<typeof boundaryCollection>;
export type Geometry = z.infer<typeof geometry>;

/** What is stored and served: each feature's geometry and its unit's code, nothing else. */
export interface StoredFeature {
  type: "Feature";
  properties: { code: string };
  geometry: Geometry;
}
